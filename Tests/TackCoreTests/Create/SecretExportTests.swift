import Foundation
import TackBase
import TackCore
import TackJSON
import TackTestSupport
import Testing

/// `create secret <noun> --export`: flux's goldens (`Fixtures/secret/`, from flux's own tests)
/// byte for byte, including the blank line flux prints after every secret but the TLS one.
@Suite struct SecretExportTests {
  static func target(_ name: String) -> CreateTarget { CreateTarget(name: name, namespace: "my-namespace") }
  static func fixture(_ name: String) throws -> String {
    try String(contentsOfFile: GoldenFile.path("secret/\(name)"), encoding: .utf8)
  }

  static let cases: [(String, @Sendable () throws -> SecretDraft)] = [
    ("helm-secret-helm.yaml", {
      try SecretOptions.helm(target("helm-secret"), username: "my-username", password: "my-password", certificate: nil, key: nil, ca: nil)
    }),
    ("proxy-secret-proxy.yaml", {
      try SecretOptions.proxy(target("proxy-secret"), address: "https://my-proxy.com", username: "my-username", password: "my-password")
    }),
    ("oci-create-secret.yaml", {
      try SecretOptions.oci(target("ghcr"), url: "ghcr.io", username: "stefanprodan", password: "password")
    }),
    ("tls-secret-tls.yaml", {
      try SecretOptions.tls(
        target("certs"), certificate: try fixture("tls-test-cert.pem"), key: try fixture("tls-test-key.pem"),
        ca: try fixture("tls-test-ca.pem"))
    }),
    ("githubapp-secret.yaml", {
      try SecretOptions.githubApp(
        target("appinfo"), appID: "1", installationOwner: "my-org", installationID: "",
        privateKey: try fixture("githubapp-test-private-key.pem"), baseURL: "")
    }),
    ("githubapp-secret-with-baseurl.yaml", {
      try SecretOptions.githubApp(
        target("appinfo"), appID: "1", installationOwner: "", installationID: "2",
        privateKey: try fixture("githubapp-test-private-key.pem"), baseURL: "www.example.com/api/v3")
    }),
    ("receiver-secret-receiver.yaml", {
      try SecretOptions.receiver(
        target("receiver-secret"), type: "github", token: "test-token", hostname: "flux.example.com", emailClaim: "", audienceClaim: "")
    }),
    ("receiver-secret-receiver-gcr.yaml", {
      try SecretOptions.receiver(
        target("gcr-secret"), type: "gcr", token: "test-token", hostname: "flux.example.com",
        emailClaim: "sa@project.iam.gserviceaccount.com", audienceClaim: "")
    }),
    ("receiver-secret-receiver-gcr-audience.yaml", {
      try SecretOptions.receiver(
        target("gcr-secret"), type: "gcr", token: "test-token", hostname: "flux.example.com",
        emailClaim: "sa@project.iam.gserviceaccount.com", audienceClaim: "https://custom.audience.example.com")
    }),
    ("notation-secret-ca-crt.yaml", {
      try SecretOptions.notation(
        target("notation-config"), trustPolicy: try fixture("notation-test-trust-policy.json"),
        caFiles: [("ca.crt", "ca-data-crt")])
    }),
  ]

  @Test(arguments: cases.map(\.0))
  func exportMatchesFlux(_ name: String) throws {
    let secret = try Self.cases.first { $0.0 == name }!.1()
    try GoldenFile.verify(secret.exportText, at: GoldenFile.path("secret/\(name)"))
    #expect(!secret.description.contains("password") || !secret.stringData.values.contains { secret.description.contains($0) })
  }

  @Test func rules() {
    func message(_ build: () throws -> SecretDraft) -> String? {
      do {
        _ = try build()
        return nil
      } catch {
        return "\(error)"
      }
    }
    let t = Self.target("s")
    #expect(message { try SecretOptions.helm(t, username: "u", password: "", certificate: nil, key: nil, ca: nil) } == "--password is required with --username")
    #expect(message { try SecretOptions.tls(t, certificate: "x", key: nil, ca: nil) } == "--tls-key-file is required with --tls-crt-file")
    #expect(message { try SecretOptions.tls(t, certificate: nil, key: nil, ca: nil) } == "--tls-crt-file and --tls-key-file, or --ca-crt-file, is required")
    #expect(message { try SecretOptions.proxy(t, address: "", username: "", password: "") } == "--address is required")
    #expect(message { try SecretOptions.oci(t, url: "", username: "u", password: "p") } == "--url is required")
    #expect(message { try SecretOptions.oci(t, url: "ghcr.io", username: "", password: "p") } == "--username is required")
    #expect(message { try SecretOptions.oci(t, url: "ghcr.io", username: "u", password: "") } == "--password is required")
    #expect(
      message { try SecretOptions.githubApp(t, appID: "1", installationOwner: "o", installationID: "2", privateKey: "k", baseURL: "") }
        == "exactly one of --app-installation-owner and --app-installation-id is required")
    #expect(message { try SecretOptions.receiver(t, type: "", token: "", hostname: "h", emailClaim: "", audienceClaim: "") } == "--type is required")
    #expect(message { try SecretOptions.receiver(t, type: "github", token: "", hostname: "", emailClaim: "", audienceClaim: "") } == "--hostname is required")
    #expect(
      message { try SecretOptions.receiver(t, type: "gcr", token: "t", hostname: "h", emailClaim: "", audienceClaim: "") }
        == "--email-claim is required for gcr receiver type")
    #expect(message { try SecretOptions.notation(t, trustPolicy: nil, caFiles: [("a.crt", "x")]) } == "--trust-policy-file is required")
    #expect(message { try SecretOptions.notation(t, trustPolicy: "{}", caFiles: []) } == "--ca-cert-file is required")
    #expect(
      message { try SecretOptions.notation(t, trustPolicy: "{}", caFiles: [("ca.p12", "x")]) }
        == "--ca-cert-file: ca.p12 must end with either .crt or .pem")
    #expect(
      message { try SecretOptions.notation(t, trustPolicy: #"{"version":"1.0","trustPolicies":[{"registryScopes":["*"]}]}"#, caFiles: [("a.crt", "x")]) }
        == "--trust-policy-file: invalid trust policy: trust policy: a trust policy statement is missing a name, every statement requires a name")
  }

  @Test func generatedReceiverTokensAreRandomHex() throws {
    let one = try SecretOptions.receiver(Self.target("r"), type: "github", token: "", hostname: "h", emailClaim: "", audienceClaim: "")
    let two = try SecretOptions.receiver(Self.target("r"), type: "github", token: "", hostname: "h", emailClaim: "", audienceClaim: "")
    #expect(one.stringData["token"]?.count == 64)
    #expect(one.stringData["token"] != two.stringData["token"])
  }
}
