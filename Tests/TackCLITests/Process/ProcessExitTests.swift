import Foundation
import TackTestSupport
import Testing

/// `tack` ends with `_exit` once its output is written: `exit` would run the `atexit` handlers
/// OpenSSL registers while a libcurl or libgit2 thread may still be inside TLS, which aborted
/// `tack canary retry` now and then (SIGABRT right after the command finished). A preloaded
/// library registers an `atexit` handler that says when it runs; it must never run, and output
/// and exit codes must be unaffected.
@Suite struct ProcessExitTests {
  static func atexitProbe(in directory: TemporaryDirectory) throws -> String {
    let source = try directory.write(
      "probe.c",
      contents: """
        #include <stdlib.h>
        #include <unistd.h>
        static void ran(void) { write(2, "ATEXIT-HANDLERS-RAN\\n", 20); }
        __attribute__((constructor)) static void install(void) { atexit(ran); }
        """)
    let library = directory.file("probe.so")
    try ProcessRunner.output(["cc", "-shared", "-fPIC", "-o", library, source])
    return library
  }

  @Test func exitRunsNoAtexitHandlersAndKeepsOutputAndStatus() async throws {
    let directory = try TemporaryDirectory(prefix: "tack-exit")
    defer { directory.remove() }
    let probe = try Self.atexitProbe(in: directory)

    let version = try await TackProcess.run(["version", "--client"], environment: ["LD_PRELOAD": probe])
    #expect(version.exitCode == 0, "\(version)")
    #expect(version.stdout.hasPrefix("tack: v"), "\(version)")
    #expect(!version.stderr.contains("ATEXIT-HANDLERS-RAN"), "\(version)")

    // An error still exits with its status and its one rendered line.
    let failed = try await TackProcess.run(
      ["get", "ks"], environment: ["LD_PRELOAD": probe, "KUBECONFIG": directory.file("missing-kubeconfig")])
    #expect(failed.exitCode == 1, "\(failed)")
    #expect(failed.stderr.hasPrefix("✗ "), "\(failed)")
    #expect(!failed.stderr.contains("ATEXIT-HANDLERS-RAN"), "\(failed)")
  }
}
