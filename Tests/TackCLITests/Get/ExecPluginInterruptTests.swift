import Foundation
import TackTestSupport
import Testing

/// Ctrl-C while a kubeconfig exec plugin hangs: tack exits 130 and takes the plugin with it, even
/// though tack itself ignores SIGINT (it handles it through a dispatch source).
@Suite struct ExecPluginInterruptTests {
  @Test func ctrlCWhileAnExecPluginHangsEndsBoth() async throws {
    let directory = try TemporaryDirectory(prefix: "tack-exec-interrupt")
    defer { directory.remove() }
    let pidFile = directory.path + "/plugin.pid"
    let plugin = try directory.write(
      "hanging-login", contents: "#!/bin/sh\necho $$ > \"\(pidFile)\"\nexec sleep 600\n", permissions: 0o755)
    let kubeconfig = try directory.write(
      "kubeconfig",
      contents: """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "https://127.0.0.1:9"}
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: \(plugin)
              interactiveMode: Never
        contexts:
        - name: x
          context: {cluster: c, user: u}
        current-context: x
        """)
    let tack = try TackProcess.background(["get", "ks", "-A"], environment: ["KUBECONFIG": kubeconfig])
    var pid: pid_t?
    for _ in 0..<3000 where pid == nil {
      try await Task.sleep(for: .milliseconds(50))
      pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .newlines)) }
    }
    let pluginPID = try #require(pid, "the plugin never started: \(tack.stderr)")
    tack.interrupt()
    #expect(await tack.exitCode() == 130, "\(tack.stderr)")
    var gone = false
    for _ in 0..<600 where !gone {
      let stat = (try? String(contentsOfFile: "/proc/\(pluginPID)/stat", encoding: .utf8)) ?? ""
      gone = stat.isEmpty || stat.split(separator: " ").dropFirst(2).first == "Z"
      if !gone { try await Task.sleep(for: .milliseconds(50)) }
    }
    #expect(gone, "the exec plugin outlived tack")
    if !gone { kill(pluginPID, SIGKILL) }
  }
}
