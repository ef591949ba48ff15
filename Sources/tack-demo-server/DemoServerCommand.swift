import ArgumentParser
import Dispatch
import Foundation
import TackJSON
import TackTestSupport

/// `tack-demo-server`: everything `tack bootstrap git` needs on one machine, for the README's demo
/// and the bootstrap benchmark — the test Kubernetes API server (no Flux installed), a bare Git
/// repository served over HTTPS by `git http-backend` with basic auth, and the doubles that play
/// Flux's source and kustomize controllers (they really read the repository with the source
/// secret) and the Deployment controller. Prints one line,
/// `ready kubeconfig=<path> git-url=<url> git-ca=<path> git-username=<u> git-password=<p>`, and
/// runs until SIGINT/SIGTERM. Test support only; never part of `tack`.
@main
struct DemoServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tack-demo-server",
    abstract: "Run a test API server, an HTTPS Git server and Flux doubles for tack bootstrap demos.")

  @Option(name: .customLong("state-dir"), help: "Directory for the kubeconfig, the CA and the repository (default: a temp dir).")
  var stateDir: String?

  @Option(name: .customLong("git-username"), help: "Basic-auth user of the Git server.")
  var gitUsername = "git"

  @Option(name: .customLong("git-password"), help: "Basic-auth password of the Git server (default: random).")
  var gitPassword: String?

  @Option(name: .customLong("repository"), help: "Name of the bare repository (served as /<name>.git).")
  var repository = "fleet"

  @Option(name: .customLong("poll-interval"), help: "How often the Flux double polls the repository, in milliseconds.")
  var pollInterval = 500

  @Option(name: .customLong("manifests-from"), help: "The Flux components bundle to offer (default: ../shared/manifests/v2.9.4).")
  var manifestsFrom: String?

  func run() async throws {
    let state = try stateDir.map { directory -> String in
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      return directory
    } ?? TemporaryDirectory(prefix: "tack-demo").path
    let password = gitPassword ?? String(UInt64.random(in: 0...UInt64.max), radix: 36)

    let cluster = try await TestCluster.start()
    let gitRoot = state + "/git"
    try FileManager.default.createDirectory(atPath: gitRoot, withIntermediateDirectories: true)
    let bare = try BareGitRepository(name: repository, in: gitRoot)
    let git = try await HTTPGitServer.start(
      projectRoot: gitRoot, authentication: .basic(username: gitUsername, password: password))
    let flux = GitSyncDouble.start(on: cluster.store, interval: .milliseconds(pollInterval))
    let deployments = DeploymentAvailabilityDouble.start(on: cluster.store)

    let kubeconfig = try cluster.writeKubeconfig(
      user: .clientCert(cn: "admin", groups: ["system:masters"], embedded: true), fileName: "kubeconfig")
    let kubeconfigOut = state + "/kubeconfig"
    try? FileManager.default.removeItem(atPath: kubeconfigOut)
    try FileManager.default.copyItem(atPath: kubeconfig, toPath: kubeconfigOut)
    let caFile = state + "/git-ca.pem"
    try git.caPEM.write(toFile: caFile, atomically: true, encoding: .utf8)
    let manifests = try Self.servableBundle(
      from: manifestsFrom ?? ProjectPaths.shared("manifests/v2.9.4"), into: state + "/manifests", store: cluster.store)

    print(
      "ready kubeconfig=\(kubeconfigOut) git-url=\(git.url(for: bare)) git-ca=\(caFile) git-username=\(gitUsername) git-password=\(password) manifests=\(manifests)"
    )
    fflush(nil)
    await Self.waitForTermination()

    await flux.stop()
    deployments.stop()
    await git.stop()
    await cluster.stop()
    if stateDir == nil { try? FileManager.default.removeItem(atPath: state) }
  }

  /// A copy of the bundle's `install.yaml` without objects of built-in kinds this API server does
  /// not serve (it has no ResourceQuota yet), so a demo bootstrap can apply all of it.
  static func servableBundle(from directory: String, into output: String, store: ObjectStore) throws -> String {
    let text = try String(contentsOfFile: directory + "/install.yaml", encoding: .utf8)
    let documents = text.components(separatedBy: "\n---\n")
    func field(_ name: String, _ document: String) -> String? {
      document.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }
    let kept = documents.filter { document in
      guard let apiVersion = field("apiVersion", document), let kind = field("kind", document) else { return true }
      if apiVersion.contains("fluxcd.io") { return true }
      return (try? store.list(apiVersion: apiVersion, kind: kind)) != nil
    }
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    try kept.joined(separator: "\n---\n").write(toFile: output + "/install.yaml", atomically: true, encoding: .utf8)
    return output
  }

  static func waitForTermination() async {
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
    let queue = DispatchQueue(label: "tack-demo-server.signals")
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let latch = TerminationLatch(continuation)
      for signalNumber in [SIGINT, SIGTERM] {
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        source.setEventHandler { latch.fire() }
        source.resume()
        latch.sources.append(source)
      }
    }
  }
}

/// Resumes once, on the first signal; its handlers run on one serial queue.
final class TerminationLatch: @unchecked Sendable {
  var continuation: CheckedContinuation<Void, Never>?
  var sources: [any DispatchSourceSignal] = []
  init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }
  func fire() {
    continuation?.resume()
    continuation = nil
  }
}
