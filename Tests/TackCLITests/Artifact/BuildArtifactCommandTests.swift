import Foundation
import TackTestSupport
import TackTesting
import Testing

/// `build artifact`: the tarball read back by Python's tarfile, an independent reader.
@Suite(.requires(.python3)) struct BuildArtifactCommandTests {
  @Test func writesAGzipTarWithZeroedOwnersAndTimes() async throws {
    let dir = try TemporaryDirectory(prefix: "tack-build-artifact")
    defer { dir.remove() }
    let src = try ArtifactRegistryTests.tree(dir)
    _ = try dir.write("src/.gitignore", contents: "x\n")
    try FileManager.default.createSymbolicLink(atPath: src + "/link", withDestinationPath: "run.sh")
    let output = dir.file("artifact.tgz")
    let result = await InProcessTack.run(["build", "artifact", "--path", src, "-o", output])
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stderr == "► building artifact from \(src)\n✔ artifact created at \(output)\n")
    let listing = try await ProcessRunner.run(
      try Oracle.require(.python3),
      ["-c", """
        import sys, tarfile
        for m in tarfile.open(sys.argv[1], "r:gz"):
            print(m.name, m.type.decode(), oct(m.mode), m.uid, m.gid, repr(m.uname), m.mtime, m.size)
        """, output])
    #expect(listing.exitCode == 0, "\(listing)")
    #expect(listing.stdout == """
      . 5 0o755 0 0 '' 0 0
      apps 5 0o755 0 0 '' 0 0
      apps/podinfo 5 0o755 0 0 '' 0 0
      apps/podinfo/deploy.yaml 0 0o644 0 0 '' 0 43
      kustomization.yaml 0 0o644 0 0 '' 0 18
      run.sh 0 0o755 0 0 '' 0 10

      """)
  }
}
