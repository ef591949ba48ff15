import Foundation
import TackTestSupport
import TackTesting
import Testing

/// The artifact commands against a real registry (Debian's distribution 2.8 on loopback with TLS and
/// htpasswd), with skopeo as the independent client in both directions.
@Suite(.requires(.dockerRegistry, .htpasswd, .skopeo, .python3), .serialized)
struct ArtifactRegistryTests {
  /// A small tree: a manifest, a nested file, an executable script.
  static func tree(_ dir: TemporaryDirectory, name: String = "src") throws -> String {
    let root = dir.file(name)
    try FileManager.default.createDirectory(atPath: root + "/apps/podinfo", withIntermediateDirectories: true)
    _ = try dir.write("\(name)/kustomization.yaml", contents: "resources: [apps]\n")
    _ = try dir.write("\(name)/apps/podinfo/deploy.yaml", contents: "kind: Deployment\nmetadata: {name: podinfo}\n")
    _ = try dir.write("\(name)/run.sh", contents: "#!/bin/sh\n", permissions: 0o755)
    return root
  }

  func tack(_ arguments: [String], _ registry: TestRegistry, creds: Bool = true, environment: [String: String] = [:])
    async -> TackResult
  {
    var arguments = arguments + ["--ca-file", registry.caFile]
    if creds { arguments += ["--creds", registry.creds] }
    return await InProcessTack.run(arguments, environment: environment)
  }

  func skopeo(_ arguments: [String]) async throws -> ProcessResult {
    try await ProcessRunner.run(try Oracle.require(.skopeo), arguments, timeout: .seconds(120))
  }

  @Test func pushedArtifactIsReadBySkopeoAndPulledBack() async throws {
    let registry = try await TestRegistry.start()
    defer { registry.stop() }
    let dir = try TemporaryDirectory(prefix: "tack-artifact")
    defer { dir.remove() }
    let src = try Self.tree(dir)
    let url = "oci://\(registry.host)/fleet/app:v1"

    let push = await tack(
      ["push", "artifact", url, "--path", src, "--source", "https://github.com/org/fleet", "--revision",
       "main@sha1:0123456789abcdef0123456789abcdef01234567", "-a", "team=platform", "-o", "json"], registry)
    #expect(push.exitCode == 0, "\(push)")
    let output = try #require(try JSONSerialization.jsonObject(with: Data(push.stdout.utf8)) as? [String: String])
    let digest = try #require(output["digest"])
    #expect(output["url"] == "oci://\(registry.host)/fleet/app@\(digest)")
    #expect(output["tag"] == "v1" && output["repository"] == "\(registry.host)/fleet/app")
    #expect(!push.stderr.contains(TestRegistry.password) && !push.stdout.contains(TestRegistry.password))

    // skopeo reads the manifest tack stored: Flux's media types and annotations.
    let raw = try await skopeo(
      ["inspect", "--raw", "--creds", registry.creds, "--cert-dir", registry.certDirectory, "docker://\(registry.host)/fleet/app:v1"])
    #expect(raw.exitCode == 0, "\(raw)")
    let manifest = try #require(try JSONSerialization.jsonObject(with: Data(raw.stdout.utf8)) as? [String: Any])
    #expect(manifest["mediaType"] as? String == "application/vnd.oci.image.manifest.v1+json")
    #expect(manifest["artifactType"] == nil)
    #expect((manifest["config"] as? [String: Any])?["mediaType"] as? String == "application/vnd.cncf.flux.config.v1+json")
    let layers = try #require(manifest["layers"] as? [[String: Any]])
    #expect(layers.map { $0["mediaType"] as? String } == ["application/vnd.cncf.flux.content.v1.tar+gzip"])
    let annotations = try #require(manifest["annotations"] as? [String: String])
    #expect(annotations["org.opencontainers.image.source"] == "https://github.com/org/fleet")
    #expect(annotations["org.opencontainers.image.revision"] == "main@sha1:0123456789abcdef0123456789abcdef01234567")
    #expect(annotations["team"] == "platform")
    #expect(annotations["org.opencontainers.image.created"]?.hasSuffix("Z") == true)

    // skopeo copies it whole (every digest checked by skopeo) into an OCI layout.
    let copy = try await skopeo(
      ["copy", "--src-creds", registry.creds, "--src-cert-dir", registry.certDirectory,
       "docker://\(registry.host)/fleet/app:v1", "oci:\(dir.file("layout")):v1"])
    #expect(copy.exitCode == 0, "\(copy)")

    // Pushing the same tree again uploads nothing and keeps the digest (created differs, so use --reproducible twice).
    let first = await tack(["push", "artifact", url, "-f", src, "--source", "s", "--revision", "r", "--reproducible", "-o", "json"], registry)
    let second = await tack(["push", "artifact", url, "-f", src, "--source", "s", "--revision", "r", "--reproducible", "-o", "json"], registry)
    #expect(first.exitCode == 0 && second.exitCode == 0, "\(first) \(second)")
    #expect(first.stdout == second.stdout)

    let out = dir.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let pull = await tack(["pull", "artifact", url, "-o", out], registry)
    #expect(pull.exitCode == 0, "\(pull)")
    #expect(pull.stderr.contains("✔ source s") && pull.stderr.contains("✔ revision r"))
    #expect(try String(contentsOfFile: out + "/apps/podinfo/deploy.yaml", encoding: .utf8) == "kind: Deployment\nmetadata: {name: podinfo}\n")
    #expect(FileManager.default.isExecutableFile(atPath: out + "/run.sh"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".tack-pull") }
    #expect(leftovers.isEmpty)
  }

  /// An artifact built by the test with Python's tarfile and pushed by skopeo from an OCI layout.
  func pushWithSkopeo(_ registry: TestRegistry, dir: TemporaryDirectory, tarScript: String, tag: String) async throws {
    let python = try Oracle.require(.python3)
    let layout = dir.file("layout-\(tag)")
    let script = """
      import gzip, hashlib, io, json, os, sys, tarfile
      layout = sys.argv[1]
      buf = io.BytesIO()
      with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tar:
      \(tarScript.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
      layer = gzip.compress(buf.getvalue())
      config = json.dumps({"created": "2026-01-01T00:00:00Z"}).encode()
      def blob(data):
          digest = hashlib.sha256(data).hexdigest()
          os.makedirs(layout + "/blobs/sha256", exist_ok=True)
          open(layout + "/blobs/sha256/" + digest, "wb").write(data)
          return "sha256:" + digest
      manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.cncf.flux.config.v1+json", "size": len(config), "digest": blob(config)},
        "layers": [{"mediaType": "application/vnd.cncf.flux.content.v1.tar+gzip", "size": len(layer), "digest": blob(layer)}],
        "annotations": {"org.opencontainers.image.source": "skopeo-src", "org.opencontainers.image.revision": "v9@sha1:beef"}}).encode()
      md = blob(manifest)
      open(layout + "/oci-layout", "w").write('{"imageLayoutVersion":"1.0.0"}')
      open(layout + "/index.json", "w").write(json.dumps({"schemaVersion": 2, "manifests": [{"mediaType":
        "application/vnd.oci.image.manifest.v1+json", "digest": md, "size": len(manifest),
        "annotations": {"org.opencontainers.image.ref.name": "\(tag)"}}]}))
      """
    let build = try await ProcessRunner.run(python, ["-c", script, layout])
    #expect(build.exitCode == 0, "\(build)")
    let copy = try await skopeo(
      ["copy", "--dest-creds", registry.creds, "--dest-cert-dir", registry.certDirectory, "oci:\(layout):\(tag)",
       "docker://\(registry.host)/fleet/other:\(tag)"])
    #expect(copy.exitCode == 0, "\(copy)")
  }

  @Test func skopeoPushedArtifactIsPulledAndDiffedByContent() async throws {
    let registry = try await TestRegistry.start()
    defer { registry.stop() }
    let dir = try TemporaryDirectory(prefix: "tack-artifact")
    defer { dir.remove() }
    let src = try Self.tree(dir)
    // Another tool's tar of the same tree: different gzip bytes, no diff_ids in the config.
    try await pushWithSkopeo(registry, dir: dir, tarScript: "tar.add(\"\(src)\", arcname=\".\")", tag: "v1")
    let url = "oci://\(registry.host)/fleet/other:v1"

    let out = dir.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let pull = await tack(["pull", "artifact", url, "-o", out], registry)
    #expect(pull.exitCode == 0, "\(pull)")
    #expect(pull.stderr.contains("✔ source skopeo-src"))
    #expect(try String(contentsOfFile: out + "/kustomization.yaml", encoding: .utf8) == "resources: [apps]\n")

    let same = await tack(["diff", "artifact", url, "--path", src], registry)
    #expect(same.exitCode == 0, "\(same)")
    #expect(same.stderr.contains("✔ no changes detected"))

    _ = try dir.write("src/kustomization.yaml", contents: "resources: [apps, more]\n")
    _ = try dir.write("src/new.yaml", contents: "kind: ConfigMap\n")
    try FileManager.default.removeItem(atPath: src + "/run.sh")
    let changed = await tack(["diff", "artifact", url, "--path", src], registry)
    #expect(changed.exitCode == 1, "\(changed)")
    #expect(changed.stdout == "~ kustomization.yaml\n+ new.yaml\n- run.sh\n")
  }

  @Test func pullRefusesEntriesThatLeaveTheOutputDirectoryAndChangesNothing() async throws {
    let registry = try await TestRegistry.start()
    defer { registry.stop() }
    let dir = try TemporaryDirectory(prefix: "tack-artifact")
    defer { dir.remove() }
    let src = try Self.tree(dir)
    try await pushWithSkopeo(
      registry, dir: dir,
      tarScript: """
        tar.add("\(src)/kustomization.yaml", arcname="ok.yaml")
        tar.add("\(src)/kustomization.yaml", arcname="../escaped.yaml")
        """, tag: "evil")
    let out = dir.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let pull = await tack(["pull", "artifact", "oci://\(registry.host)/fleet/other:evil", "-o", out], registry)
    #expect(pull.exitCode == 1, "\(pull)")
    #expect(pull.stderr.contains("refusing artifact content: entry \"../escaped.yaml\" leaves the output directory"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: dir.file("escaped.yaml")))
  }

  @Test func tagAndListWithFilters() async throws {
    let registry = try await TestRegistry.start()
    defer { registry.stop() }
    let dir = try TemporaryDirectory(prefix: "tack-artifact")
    defer { dir.remove() }
    let src = try Self.tree(dir)
    let base = "oci://\(registry.host)/fleet/app"
    let push = await tack(["push", "artifact", base + ":1.0.0", "-f", src, "--source", "src", "--revision", "rev"], registry)
    #expect(push.exitCode == 0, "\(push)")
    let tag = await tack(["tag", "artifact", base + ":1.0.0", "--tag", "1.2.0", "--tag", "2.0.0-rc.1", "--tag", "latest", "--tag", "sha256-abc.sig"], registry)
    #expect(tag.exitCode == 0, "\(tag)")
    #expect(tag.stderr.contains("✔ artifact tagged as \(registry.host)/fleet/app:1.2.0"))

    let all = await tack(["list", "artifacts", base], registry)
    #expect(all.exitCode == 0, "\(all)")
    let lines = all.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
    #expect(lines == ["ARTIFACT", "\(registry.host)/fleet/app:latest", "\(registry.host)/fleet/app:2.0.0-rc.1",
                      "\(registry.host)/fleet/app:1.2.0", "\(registry.host)/fleet/app:1.0.0"])
    #expect(all.stdout.contains("\tsrc") && all.stdout.contains("rev"))

    let semver = await tack(["list", "artifacts", base, "--filter-semver", ">=1.1.0"], registry)
    #expect(semver.stdout.split(separator: "\n").count == 2, "\(semver)")
    #expect(semver.stdout.contains("fleet/app:1.2.0"))
    let regex = await tack(["list", "artifacts", base, "--filter-regex", "^1\\."], registry)
    #expect(regex.stdout.split(separator: "\n").count == 3, "\(regex)")
  }

  @Test func credentialsComeFromTheDockerConfigAndErrorsAreOneLine() async throws {
    let registry = try await TestRegistry.start()
    defer { registry.stop() }
    let dir = try TemporaryDirectory(prefix: "tack-artifact")
    defer { dir.remove() }
    let src = try Self.tree(dir)
    let url = "oci://\(registry.host)/fleet/app:v1"
    let push = ["push", "artifact", url, "-f", src, "--source", "s", "--revision", "r"]

    let anonymous = await tack(push, registry, creds: false, environment: ["HOME": dir.path])
    #expect(anonymous.exitCode == 1)
    #expect(anonymous.stderr.contains("✗ \(registry.host): authentication required or credentials rejected (401)"))

    let wrong = await InProcessTack.run(push + ["--ca-file", registry.caFile, "--creds", "tack:wrong-password"])
    #expect(wrong.exitCode == 1)
    #expect(!wrong.stderr.contains("wrong-password"))

    let auth = Data("\(registry.creds)".utf8).base64EncodedString()
    _ = try dir.write(".docker/config.json", contents: #"{"auths":{"https://\#(registry.host)":{"auth":"\#(auth)"}}}"#)
    let fromConfig = await tack(push, registry, creds: false, environment: ["HOME": dir.path])
    #expect(fromConfig.exitCode == 0, "\(fromConfig)")

    // A credential helper named by credHelpers answers `get` with the server on stdin.
    let bin = dir.file("bin")
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    _ = try dir.write(
      "bin/docker-credential-tacktest",
      contents: "#!/bin/sh\nread server\n[ \"$server\" = \"\(registry.host)\" ] || exit 1\necho '{\"ServerURL\":\"'$server'\",\"Username\":\"\(TestRegistry.username)\",\"Secret\":\"\(TestRegistry.password)\"}'\n",
      permissions: 0o755)
    _ = try dir.write(".docker/config.json", contents: #"{"credHelpers":{"\#(registry.host)":"tacktest"}}"#)
    let fromHelper = await tack(
      push, registry, creds: false,
      environment: ["HOME": dir.path, "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")])
    #expect(fromHelper.exitCode == 0, "\(fromHelper)")

    let missing = await tack(["pull", "artifact", "oci://\(registry.host)/fleet/app:nope", "-o", dir.path], registry)
    #expect(missing.exitCode == 5, "\(missing)")
    #expect(missing.stderr.contains("not found"))

    let untrusted = await InProcessTack.run(push + ["--creds", registry.creds])
    #expect(untrusted.exitCode == 1)
    #expect(untrusted.stderr.contains("TLS"), "\(untrusted)")

    let badURL = await InProcessTack.run(["push", "artifact", "\(registry.host)/fleet/app", "-f", src, "--source", "s", "--revision", "r"])
    #expect(badURL.exitCode == 64)
    #expect(badURL.stderr.contains("URL must be in format 'oci://<domain>/<org>/<repo>'"))
  }

  @Test func bearerTokenFlowAgainstATokenAuthRegistry() async throws {
    let tokens = try await TestTokenServer.start()
    let registry = try await TestRegistry.start(auth: tokens.registryAuth)
    defer { registry.stop() }
    let dir = try TemporaryDirectory(prefix: "tack-artifact")
    defer { dir.remove() }
    let src = try Self.tree(dir)
    let url = "oci://\(registry.host)/fleet/app:v1"
    let push = await tack(["push", "artifact", url, "-f", src, "--source", "s", "--revision", "r"], registry)
    #expect(push.exitCode == 0, "\(push) \(registry.log)")
    #expect(tokens.requests.contains { $0.contains("scope=repository%3Afleet%2Fapp%3Apull%2Cpush") }, "\(tokens.requests)")
    let out = dir.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let pull = await tack(["pull", "artifact", url, "-o", out], registry)
    #expect(pull.exitCode == 0, "\(pull)")
    #expect(FileManager.default.fileExists(atPath: out + "/kustomization.yaml"))
    // skopeo gets a token from the same server and reads what tack pushed.
    let inspect = try await skopeo(
      ["inspect", "--raw", "--creds", registry.creds, "--cert-dir", registry.certDirectory, "docker://\(registry.host)/fleet/app:v1"])
    #expect(inspect.exitCode == 0, "\(inspect)")
    let anonymous = await tack(["pull", "artifact", url, "-o", out], registry, creds: false, environment: ["HOME": dir.path])
    #expect(anonymous.exitCode == 1)
    #expect(anonymous.stderr.contains("(401)"), "\(anonymous)")
    await tokens.stop()
  }

  @Test func insecureRegistryFallsBackToPlainHTTP() async throws {
    let registry = try await TestRegistry.start(tls: false)
    defer { registry.stop() }
    let dir = try TemporaryDirectory(prefix: "tack-artifact")
    defer { dir.remove() }
    let src = try Self.tree(dir)
    let push = ["push", "artifact", "oci://\(registry.host)/fleet/app:v1", "-f", src, "--source", "s", "--revision", "r", "--creds", registry.creds]
    let verified = await InProcessTack.run(push)
    #expect(verified.exitCode == 1)
    #expect(verified.stderr.contains("TLS"), "\(verified)")
    let insecure = await InProcessTack.run(push + ["--insecure-registry"])
    #expect(insecure.exitCode == 0, "\(insecure)")
  }

  @Test func stdinIsPushedAsOneFile() async throws {
    let registry = try await TestRegistry.start()
    defer { registry.stop() }
    let dir = try TemporaryDirectory(prefix: "tack-artifact")
    defer { dir.remove() }
    let url = "oci://\(registry.host)/fleet/stdin:v1"
    let push = try await TackProcess.run(
      ["push", "artifact", url, "-f", "-", "--source", "s", "--revision", "r", "--creds", registry.creds, "--ca-file", registry.caFile],
      stdin: "kind: ConfigMap\nmetadata: {name: piped}\n\r\n")
    #expect(push.exitCode == 0, "\(push)")
    let pull = await tack(["pull", "artifact", url, "-o", dir.path], registry)
    #expect(pull.exitCode == 0, "\(pull)")
    #expect(try String(contentsOfFile: dir.file("stdin.yaml"), encoding: .utf8) == "kind: ConfigMap\nmetadata: {name: piped}")
  }
}
