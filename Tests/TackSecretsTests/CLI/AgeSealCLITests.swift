import Foundation
import TackBase
import TackJSON
import TackTesting
import TackTestSupport
import Testing

@testable import TackSecrets

/// `tack secrets age …` and `tack secrets seal|fetch-cert --cert`, run as the built binary.
struct AgeSealCLITests {
  @Test(.requires(.age))
  func ageCommandsInteroperateWithTheAgeBinary() async throws {
    let workspace = try SopsCLITests.Workspace()
    let age = "age"
    try await ProcessRunner.run("age-keygen", ["-o", workspace.path("k.txt")])
    let recipient = try await ProcessRunner.run("age-keygen", ["-y", workspace.path("k.txt")]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let plaintext = (0..<(1 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    try Data(plaintext).write(to: workspace.url.appendingPathComponent("plain.bin"))

    // tack → age, binary to a file and armored to stdout.
    #expect(try await workspace.run(["secrets", "age", "encrypt", "-r", recipient, "-o", "a.age", "plain.bin"]).exitCode == 0)
    #expect(try await ProcessRunner.run(age, ["-d", "-i", workspace.path("k.txt"), workspace.path("a.age")]).stdoutBytes == plaintext)
    let armored = try await workspace.run(["secrets", "age", "encrypt", "-a", "-i", "k.txt"], stdin: plaintext)
    #expect(armored.stdout.hasPrefix("-----BEGIN AGE ENCRYPTED FILE-----\n"))
    #expect(try await ProcessRunner.run(age, ["-d", "-i", workspace.path("k.txt")], stdin: armored.stdoutBytes).stdoutBytes == plaintext)

    // age → tack, armored and binary, file and stdin.
    let fromAge = try await ProcessRunner.run(age, ["-r", recipient, "-a", workspace.path("plain.bin")])
    let decrypted = try await workspace.run(["secrets", "age", "decrypt", "-i", "k.txt"], stdin: fromAge.stdoutBytes)
    #expect(decrypted.exitCode == 0)
    #expect(decrypted.stdoutBytes == plaintext)
    try await ProcessRunner.run(age, ["-r", recipient, "-o", workspace.path("b.age"), workspace.path("plain.bin")])
    #expect(try await workspace.run(["secrets", "age", "decrypt", "-i", "k.txt", "-o", "b.out", "b.age"]).exitCode == 0)
    #expect(Array(try Data(contentsOf: workspace.url.appendingPathComponent("b.out"))) == plaintext)
    #expect(try workspace.mode("b.out") == 0o600)

    // A truncated file fails and leaves no output file behind.
    let whole = try Data(contentsOf: workspace.url.appendingPathComponent("b.age"))
    try whole.prefix(whole.count - 100).write(to: workspace.url.appendingPathComponent("cut.age"))
    let cut = try await workspace.run(["secrets", "age", "decrypt", "-i", "k.txt", "-o", "cut.out", "cut.age"])
    #expect(cut.exitCode == 1)
    Golden.check(cut.stderr, "age-decrypt-truncated.stderr")
    #expect(!workspace.exists("cut.out"))
    // The wrong key is named as such.
    try await ProcessRunner.run("age-keygen", ["-o", workspace.path("other.txt")])
    let wrong = try await workspace.run(["secrets", "age", "decrypt", "-i", "other.txt", "b.age"])
    #expect(wrong.exitCode == 1)
    Golden.check(wrong.stderr, "age-decrypt-no-match.stderr")
    #expect(try await workspace.run(["secrets", "age", "decrypt", "b.age"]).exitCode == 64)
  }

  @Test(.requires(.kubesealpy)) func sealsWithACertificateFile() async throws {
    let workspace = try SopsCLITests.Workspace()
    try FileManager.default.copyItem(at: TestEnvironment.sealedSamples.appendingPathComponent("tls.crt"), to: workspace.url.appendingPathComponent("cert.pem"))
    let secret = try SealedSamples.text("secret.yaml")
    let key = try SealedSamples.privateKey()
    for scope in SealingScope.allCases {
      let result = try await workspace.run(["secrets", "seal", "--cert", "cert.pem", "--scope", scope.rawValue], stdin: Array(secret.utf8))
      #expect(result.exitCode == 0, "\(result.stderr)")
      #expect(result.stdout.hasPrefix("{\n  \"kind\": \"SealedSecret\",\n  \"apiVersion\": \"bitnami.com/v1alpha1\","))
      #expect(result.stdout.hasSuffix("}\n"))
      let sealed = try JSON.parse(result.stdout)
      let unsealed = try SealedSecretUnsealer(privateKey: key).unseal(sealed)
      #expect(unsealed[path: "data", "password"]?.stringValue == Base64.encode(Array("s3cr3t-P@ss".utf8)))
      let value = sealed[path: "spec", "encryptedData", "username"]!.stringValue!
      let label = String(decoding: scope.label(namespace: "default", name: "demo-credentials"), as: UTF8.self)
      let opened = try await SealedOracleTests.pythonDecrypt(value, label: label)
      #expect(opened.stdout == "admin", "kubesealpy opens the \(scope) value")
    }
    let yaml = try await workspace.run(["secrets", "seal", "--cert", "cert.pem", "-o", "yaml", "secret.yaml"])
    #expect(yaml.stdout.hasPrefix("---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  creationTimestamp: null\n"))

    // --raw prints one value, bound to --name and -n.
    try "raw-value".write(to: workspace.url.appendingPathComponent("value.txt"), atomically: true, encoding: .utf8)
    let raw = try await workspace.run(["secrets", "seal", "--cert", "cert.pem", "--raw", "--name", "app", "-n", "team", "--from-file", "password=value.txt"])
    #expect(raw.exitCode == 0)
    let blob = try #require(Base64.decode(raw.stdout, grammar: .strict))
    #expect(SealedSecretsCrypto.open(blob, label: Array("team/app".utf8), privateKey: key) == Array("raw-value".utf8))
    #expect(try await workspace.run(["secrets", "seal", "--cert", "cert.pem", "--raw", "--from-file", "value.txt"]).exitCode == 64)

    // fetch-cert with --cert validates and copies.
    let fetched = try await workspace.run(["secrets", "fetch-cert", "--cert", "cert.pem"])
    #expect(fetched.stdout == (try SealedSamples.text("tls.crt")))
  }

  @Test func refusesUnusableCertificates() async throws {
    let workspace = try SopsCLITests.Workspace()
    try SealedSecretsTests.ecdsaCertificate.write(to: workspace.url.appendingPathComponent("ec.pem"), atomically: true, encoding: .utf8)
    let ec = try await workspace.run(["secrets", "seal", "--cert", "ec.pem", "secret.yaml"])
    #expect(ec.exitCode == 1)
    Golden.check(ec.stderr, "seal-ec-certificate.stderr")
    try "junk".write(to: workspace.url.appendingPathComponent("junk.pem"), atomically: true, encoding: .utf8)
    let junk = try await workspace.run(["secrets", "seal", "--cert", "junk.pem", "secret.yaml"])
    #expect(junk.exitCode == 1)
    Golden.check(junk.stderr, "seal-junk-certificate.stderr")
    let noSecret = try await workspace.run(["secrets", "seal", "--cert", TestEnvironment.sealedSamples.appendingPathComponent("tls.crt").path, "age-key.txt"])
    #expect(noSecret.exitCode == 1)
  }
}
