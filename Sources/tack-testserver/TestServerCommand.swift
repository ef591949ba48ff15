import ArgumentParser
import Dispatch
import Foundation
import TackJSON
import TackTestSupport

/// `tack-testserver`: the test API server as a standalone process for demos, benchmarks and manual
/// runs against kubectl. Prints `ready <url> kubeconfig=<path>` once serving.
@main
struct TestServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tack-testserver",
    abstract: "Run the tack test Kubernetes API server (HTTPS, in memory) until SIGINT/SIGTERM.")

  @Option(help: "Port to listen on (0 picks a free one).") var port = 0
  @Option(help: "Address to listen on.") var host = "127.0.0.1"
  @Option(name: .customLong("kubeconfig-out"), help: "Where to write the admin kubeconfig.") var kubeconfigOut: String?
  @Option(name: .customLong("crds"), help: "A directory (or file) of CRDs to install; repeatable. Default: Flux and Flagger from ../shared/crds.")
  var crds: [String] = []
  @Option(help: "Seed objects: 'demo' for a small realistic Flux + Flagger setup.") var seed: String?
  @Option(name: .customLong("seed-kustomizations"), help: "Seed this many Kustomizations with status.") var seedKustomizations = 0
  @Option(name: .customLong("seed-events"), help: "Seed this many Events about Flux objects (in the seeded namespaces).") var seedEvents = 0
  @Option(name: .customLong("seed-inventory"), help: "Seed Kustomization flux-system/big with this many inventory entries.") var seedInventory = 0
  @Option(name: .customLong("seed-namespaces"), help: "Spread seeded Kustomizations over this many namespaces.") var seedNamespaces = 10
  @Option(name: .customLong("log-rate"), help: "Write this many Flux controller log lines a second, spread over six controller pods in flux-system.")
  var logRate = 0
  @Option(name: .customLong("state-dir"), help: "Directory for the kubeconfig, certificates and keys (default: a temp dir).")
  var stateDir: String?

  func validate() throws {
    if let seed, seed != "demo" { throw ValidationError("--seed: unknown seed '\(seed)'; use 'demo'") }
    if seedKustomizations < 0 { throw ValidationError("--seed-kustomizations must not be negative") }
    if logRate < 0 { throw ValidationError("--log-rate must not be negative") }
    if seedEvents < 0 || seedInventory < 0 { throw ValidationError("--seed-events and --seed-inventory must not be negative") }
  }

  func run() async throws {
    var configuration = APIServer.Configuration()
    configuration.host = host
    configuration.port = port
    let cluster = try await TestCluster.start(configuration)
    do {
      try await serve(cluster)
    } catch {
      await cluster.stop()
      throw error
    }
    await cluster.stop()
  }

  func serve(_ cluster: TestCluster) async throws {
    if crds.isEmpty {
      if FileManager.default.fileExists(atPath: ProjectPaths.shared("crds")) { try cluster.installCRDs(.all) }
    } else {
      for source in crds {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
          throw ValidationError("--crds: \(source) does not exist")
        }
        try cluster.installCRDs(isDirectory.boolValue ? .directory(source) : .file(source))
      }
    }
    if seed == "demo" { try cluster.store.seed(FluxFixtures.demo()) }
    if seedKustomizations > 0 {
      let start = ContinuousClock.now
      let startCPU = Self.processCPUTime()
      let objects = FluxFixtures.kustomizations(count: seedKustomizations, namespaces: seedNamespaces)
      let generated = ContinuousClock.now
      let stored = try cluster.store.bulkInsert(objects, validation: .firstOfEachKind)
      let end = ContinuousClock.now
      // CPU time next to wall time: on a loaded machine the wall time mostly measures the neighbours.
      Self.log("seeded \(stored) objects in \(Self.milliseconds(end - start)) ms "
        + "(generate \(Self.milliseconds(generated - start)) ms, insert \(Self.milliseconds(end - generated)) ms; "
        + "CPU \(Self.milliseconds(Self.processCPUTime() - startCPU)) ms on all threads)")
    }
    if seedEvents > 0 {
      if seedKustomizations == 0 {
        // The events' namespaces must exist.
        _ = try cluster.store.bulkInsert(
          FluxFixtures.kustomizations(count: 0, namespaces: seedNamespaces), validation: .firstOfEachKind)
      }
      let stored = try cluster.store.bulkInsert(
        ObservabilityFixtures.events(count: seedEvents, namespaces: seedNamespaces), validation: .firstOfEachKind)
      Self.log("seeded \(stored) events")
    }
    if seedInventory > 0 {
      try cluster.store.seed(ObservabilityFixtures.largeInventory(entries: seedInventory))
      Self.log("seeded Kustomization flux-system/big with \(seedInventory) inventory entries")
    }
    var writer: Task<Void, Never>?
    if logRate > 0 {
      try cluster.store.ensureNamespace("flux-system")
      try cluster.store.seed(ControllerLogStream.controllers())
      let stream = ControllerLogStream(logs: cluster.server.podLogs, linesPerSecond: logRate)
      writer = Task { await stream.run() }
      Self.log("writing \(logRate) controller log lines a second over \(ControllerLogStream.controllerNames.count) pods")
    }
    defer { writer?.cancel() }
    var kubeconfig = try cluster.writeKubeconfig(fileName: "kubeconfig")
    if let stateDir {
      try FileManager.default.createDirectory(atPath: stateDir, withIntermediateDirectories: true)
      for file in ["admin.crt", "admin.key"] {
        try? FileManager.default.removeItem(atPath: "\(stateDir)/\(file)")
        try FileManager.default.copyItem(atPath: cluster.directory.file(file), toPath: "\(stateDir)/\(file)")
      }
      let text = try String(contentsOfFile: kubeconfig, encoding: .utf8)
        .replacingOccurrences(of: cluster.directory.path, with: stateDir)
      kubeconfig = stateDir + "/kubeconfig"
      try text.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
    }
    if let kubeconfigOut {
      let text = try String(contentsOfFile: kubeconfig, encoding: .utf8)
      try text.write(toFile: kubeconfigOut, atomically: true, encoding: .utf8)
      kubeconfig = kubeconfigOut
    }
    print("ready \(cluster.url) kubeconfig=\(kubeconfig)")
    fflush(nil)  // flush every stream (stdout is a C global Swift 6 will not touch)
    await Self.waitForTermination()
  }

  /// A diagnostic line on stderr (stdout carries only the `ready` line).
  static func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  /// CPU time of the whole process so far (all threads).
  static func processCPUTime() -> Duration {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
  }

  static func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
  }

  static func waitForTermination() async {
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
    let queue = DispatchQueue(label: "tack-testserver.signals")
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let once = SignalOnce(continuation)
      for signalNumber in [SIGINT, SIGTERM] {
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        source.setEventHandler { once.fire() }
        source.resume()
        once.sources.append(source)
      }
    }
  }
}

/// Resumes the continuation on the first signal only; its handlers run on one serial queue.
final class SignalOnce: @unchecked Sendable {
  var continuation: CheckedContinuation<Void, Never>?
  var sources: [DispatchSourceSignal] = []
  init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }
  func fire() {
    continuation?.resume()
    continuation = nil
  }
}
