import Foundation
import TackBase
import TackJSON
import Testing

@testable import TackSecrets

/// `tack secrets age …` and `tack secrets seal|fetch-cert --cert`, run as the built binary.
@Suite(.enabled(if: TackBinary.isBuilt, "needs the tack executable next to the test bundle (swift build)"))
struct AgeSealCLITests {
  @Test(.enabled(if: TestEnvironment.hasAge, "needs age and age-keygen (apt-get install age)"))
  func ageCommandsInteroperateWithTheAgeBinary() async throws {
    let workspace = try SopsCLITests.Workspace()
    let age = TestEnvironment.tool("age")!
    try await Run.process(TestEnvironment.tool("age-keygen")!, ["-o", workspace.path("k.txt")])
    let recipient = try await Run.process(TestEnvironment.tool("age-keygen")!, ["-y", workspace.path("k.txt")]).stdoutText
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let plaintext = Data((0..<(1 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    try plaintext.write(to: workspace.url.appendingPathComponent("plain.bin"))

    // tack → age, binary to a file and armored to stdout.
    #expect(try await workspace.run(["secrets", "age", "encrypt", "-r", recipient, "-o", "a.age", "plain.bin"]).status == 0)
    #expect(try await Run.process(age, ["-d", "-i", workspace.path("k.txt"), workspace.path("a.age")]).stdout == plaintext)
    let armored = try await workspace.run(["secrets", "age", "encrypt", "-a", "-i", "k.txt"], stdin: plaintext)
    #expect(armored.stdoutText.hasPrefix("-----BEGIN AGE ENCRYPTED FILE-----\n"))
    #expect(try await Run.process(age, ["-d", "-i", workspace.path("k.txt")], stdin: armored.stdout).stdout == plaintext)

    // age → tack, armored and binary, file and stdin.
    let fromAge = try await Run.process(age, ["-r", recipient, "-a", workspace.path("plain.bin")])
    let decrypted = try await workspace.run(["secrets", "age", "decrypt", "-i", "k.txt"], stdin: fromAge.stdout)
    #expect(decrypted.status == 0)
    #expect(decrypted.stdout == plaintext)
    try await Run.process(age, ["-r", recipient, "-o", workspace.path("b.age"), workspace.path("plain.bin")])
    #expect(try await workspace.run(["secrets", "age", "decrypt", "-i", "k.txt", "-o", "b.out", "b.age"]).status == 0)
    #expect(try Data(contentsOf: workspace.url.appendingPathComponent("b.out")) == plaintext)
    #expect(try workspace.mode("b.out") == 0o600)

    // A truncated file fails and leaves no output file behind.
    let whole = try Data(contentsOf: workspace.url.appendingPathComponent("b.age"))
    try whole.prefix(whole.count - 100).write(to: workspace.url.appendingPathComponent("cut.age"))
    let cut = try await workspace.run(["secrets", "age", "decrypt", "-i", "k.txt", "-o", "cut.out", "cut.age"])
    #expect(cut.status == 1)
    try Golden.check(cut.stderrText, "age-decrypt-truncated.stderr")
    #expect(!workspace.exists("cut.out"))
    // The wrong key is named as such.
    try await Run.process(TestEnvironment.tool("age-keygen")!, ["-o", workspace.path("other.txt")])
    let wrong = try await workspace.run(["secrets", "age", "decrypt", "-i", "other.txt", "b.age"])
    #expect(wrong.status == 1)
    try Golden.check(wrong.stderrText, "age-decrypt-no-match.stderr")
    #expect(try await workspace.run(["secrets", "age", "decrypt", "b.age"]).status == 64)
  }

  @Test func sealsWithACertificateFile() async throws {
    let workspace = try SopsCLITests.Workspace()
    try FileManager.default.copyItem(at: TestEnvironment.sealedSamples.appendingPathComponent("tls.crt"), to: workspace.url.appendingPathComponent("cert.pem"))
    let secret = try SealedSamples.text("secret.yaml")
    let key = try SealedSamples.privateKey()
    for scope in SealingScope.allCases {
      let result = try await workspace.run(["secrets", "seal", "--cert", "cert.pem", "--scope", scope.rawValue], stdin: Data(secret.utf8))
      #expect(result.status == 0, "\(result.stderrText)")
      #expect(result.stdoutText.hasPrefix("{\n  \"kind\": \"SealedSecret\",\n  \"apiVersion\": \"bitnami.com/v1alpha1\","))
      #expect(result.stdoutText.hasSuffix("}\n"))
      let sealed = try JSON.parse(result.stdoutText)
      let unsealed = try SealedSecretUnsealer(privateKey: key).unseal(sealed)
      #expect(unsealed[path: "data", "password"]?.stringValue == Base64.encode(Array("s3cr3t-P@ss".utf8)))
      if TestEnvironment.hasPythonOracles {
        let value = sealed[path: "spec", "encryptedData", "username"]!.stringValue!
        let label = String(decoding: scope.label(namespace: "default", name: "demo-credentials"), as: UTF8.self)
        let opened = try await SealedOracleTests.pythonDecrypt(value, label: label)
        #expect(opened.stdoutText == "admin", "kubesealpy opens the \(scope) value")
      }
    }
    let yaml = try await workspace.run(["secrets", "seal", "--cert", "cert.pem", "-o", "yaml", "secret.yaml"])
    #expect(yaml.stdoutText.hasPrefix("---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  creationTimestamp: null\n"))

    // --raw prints one value, bound to --name and -n.
    try "raw-value".write(to: workspace.url.appendingPathComponent("value.txt"), atomically: true, encoding: .utf8)
    let raw = try await workspace.run(["secrets", "seal", "--cert", "cert.pem", "--raw", "--name", "app", "-n", "team", "--from-file", "password=value.txt"])
    #expect(raw.status == 0)
    let blob = try #require(Base64.decode(raw.stdoutText, grammar: .strict))
    #expect(SealedSecretsCrypto.open(blob, label: Array("team/app".utf8), privateKey: key) == Array("raw-value".utf8))
    #expect(try await workspace.run(["secrets", "seal", "--cert", "cert.pem", "--raw", "--from-file", "value.txt"]).status == 64)

    // fetch-cert with --cert validates and copies.
    let fetched = try await workspace.run(["secrets", "fetch-cert", "--cert", "cert.pem"])
    #expect(fetched.stdoutText == (try SealedSamples.text("tls.crt")))
  }

  @Test func refusesUnusableCertificates() async throws {
    let workspace = try SopsCLITests.Workspace()
    try SealedSecretsTests.ecdsaCertificate.write(to: workspace.url.appendingPathComponent("ec.pem"), atomically: true, encoding: .utf8)
    let ec = try await workspace.run(["secrets", "seal", "--cert", "ec.pem", "secret.yaml"])
    #expect(ec.status == 1)
    try Golden.check(ec.stderrText, "seal-ec-certificate.stderr")
    try "junk".write(to: workspace.url.appendingPathComponent("junk.pem"), atomically: true, encoding: .utf8)
    let junk = try await workspace.run(["secrets", "seal", "--cert", "junk.pem", "secret.yaml"])
    #expect(junk.status == 1)
    try Golden.check(junk.stderrText, "seal-junk-certificate.stderr")
    let noSecret = try await workspace.run(["secrets", "seal", "--cert", TestEnvironment.sealedSamples.appendingPathComponent("tls.crt").path, "age-key.txt"])
    #expect(noSecret.status == 1)
  }
}
