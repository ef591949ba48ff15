import Foundation
import Testing

/// A 1 KB "billion laughs" file (nine levels of nine aliases: 387 420 489 nodes once expanded) and a
/// document nested 600 deep, through every command that reads YAML: each refuses promptly with one
/// line naming the file, as sops does ("document contains excessive aliasing"). A document with a
/// few ordinary aliases still works.
@Suite(.timeLimit(.minutes(2))) struct YAMLBombTests {
  static let bomb: String = {
    var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for (previous, name) in zip(names, names.dropFirst()) {
      text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
    }
    return text
  }()

  static let deep = "a: " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\n"

  static let recipient = "age13hjhj0e8prarahxxtt6dc4l5h9u7lfajag60zfkdeefvxd7anupq7uacy4"

  final class Workspace {
    let path: String
    init() throws {
      path = NSTemporaryDirectory() + "tack-yaml-bomb-\(UUID().uuidString)"
      try FileManager.default.createDirectory(atPath: path + "/kustomize", withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
      let file = path + "/" + name
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      return file
    }
  }

  /// Runs `arguments` and checks the refusal: exit 1, nothing on stdout, one `✗` line naming `file`
  /// and saying `what`, in well under the time an expansion would take.
  static func expectRefused(
    _ arguments: [String], environment: [String: String] = [:], file: String, what: String
  ) async {
    let start = ContinuousClock.now
    let r = await InProcessTack.run(arguments, environment: environment)
    let elapsed = ContinuousClock.now - start
    #expect(r.exitCode == 1, "\(arguments): \(r)")
    #expect(r.stdout.isEmpty, "\(arguments): \(r)")
    #expect(r.stderr.hasPrefix("✗ "), "\(arguments): \(r)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r)")
    #expect(r.stderr.contains(file), "\(arguments): \(r)")
    #expect(r.stderr.contains(what), "\(arguments): \(r)")
    #expect(elapsed < .seconds(90), "\(arguments) took \(elapsed)")
  }

  static let aliasing = "document contains excessive aliasing"
  static let nesting = "document nests deeper than 512 levels"

  @Test func secretsEncryptAndDecryptRefuseTheBomb() async throws {
    let workspace = try Workspace()
    for (name, text, what) in [("bomb.yaml", Self.bomb, Self.aliasing), ("deep.yaml", Self.deep, Self.nesting)] {
      let file = try workspace.write(name, text)
      await Self.expectRefused(["secrets", "encrypt", "--age", Self.recipient, file], file: name, what: what)
      await Self.expectRefused(["secrets", "decrypt", file], file: name, what: what)
    }
  }

  /// The expansion as a mapping key: Yams would hash all of it while composing.
  @Test func aBombAsAMappingKeyIsRefusedToo() async throws {
    let workspace = try Workspace()
    let file = try workspace.write("keys.yaml", Self.bomb + "? *i\n: x\n")
    await Self.expectRefused(["secrets", "decrypt", file], file: "keys.yaml", what: Self.aliasing)
    await Self.expectRefused(["get", "ks"], environment: ["KUBECONFIG": file], file: "keys.yaml", what: Self.aliasing)
  }

  @Test func aSopsConfigBombIsRefused() async throws {
    let workspace = try Workspace()
    let config = try workspace.write(".sops.yaml", Self.bomb)
    let plain = try workspace.write("plain.yaml", "password: hunter2\n")
    await Self.expectRefused(["secrets", "encrypt", "--config", config, plain], file: ".sops.yaml", what: Self.aliasing)
  }

  @Test func aKubeconfigBombIsRefused() async throws {
    let workspace = try Workspace()
    for (name, text, what) in [("bomb.yaml", Self.bomb, Self.aliasing), ("deep.yaml", Self.deep, Self.nesting)] {
      let file = try workspace.write(name, text)
      await Self.expectRefused(["get", "ks"], environment: ["KUBECONFIG": file], file: name, what: what)
    }
  }

  @Test func aKustomizeBombIsRefused() async throws {
    let workspace = try Workspace()
    try workspace.write("kustomize/kustomization.yaml", "resources:\n- bomb.yaml\n")
    try workspace.write("kustomize/bomb.yaml", Self.bomb)
    await Self.expectRefused(["kustomize", workspace.path + "/kustomize"], file: "bomb.yaml", what: Self.aliasing)
    // The kustomization file itself.
    try workspace.write("kustomize/kustomization.yaml", Self.bomb)
    await Self.expectRefused(["kustomize", workspace.path + "/kustomize"], file: "kustomization.yaml", what: Self.aliasing)
    try workspace.write("kustomize/kustomization.yaml", Self.deep)
    await Self.expectRefused(["kustomize", workspace.path + "/kustomize"], file: "kustomization.yaml", what: Self.nesting)
  }

  @Test func ordinaryAliasesStillWork() async throws {
    let workspace = try Workspace()
    let file = try workspace.write(
      "values.yaml",
      """
      defaults: &defaults
        replicas: 2
        image: podinfo
      staging:
        <<: *defaults
        replicas: 1
      production: *defaults
      ports: &ports [80, 443]
      more: [*ports, *ports]

      """)
    let r = await InProcessTack.run(["secrets", "encrypt", "--age", Self.recipient, file])
    #expect(r.exitCode == 0, "\(r)")
    #expect(r.stdout.contains("sops:"), "\(r)")
    try workspace.write(
      "kustomize/kustomization.yaml",
      "commonLabels: &labels {app: podinfo}\nresources:\n- cm.yaml\n")
    try workspace.write(
      "kustomize/cm.yaml",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm2, labels: &l {tier: web}, annotations: *l}\ndata: *l\n")
    let k = await InProcessTack.run(["kustomize", workspace.path + "/kustomize"])
    #expect(k.exitCode == 0, "\(k)")
    #expect(k.stdout.contains("name: cm2"), "\(k)")
  }
}
