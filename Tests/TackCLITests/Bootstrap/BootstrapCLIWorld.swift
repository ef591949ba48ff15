import Foundation
import TackJSON
import TackTestSupport
import Testing

/// Everything a bootstrap CLI test runs against, all on 127.0.0.1 and started by the test: the
/// test API server (no Flux installed), a bare repository behind `git http-backend` over HTTPS with
/// basic auth, the doubles that play Flux's source/kustomize controllers (reading the real
/// repository) and the Deployment controller, and a private HOME.
final class BootstrapCLIWorld: Sendable {
  let cluster: TestCluster
  let kubeconfig: String
  let repository: BareGitRepository
  let git: HTTPGitServer
  let caFile: String
  let home: TemporaryDirectory
  let flux: GitSyncDouble
  let deployments: DeploymentAvailabilityDouble
  /// The components bundle the tests bootstrap with (see ``BootstrapCLI/bundle(for:in:)``).
  let manifests: String

  static let username = "git"
  static let password = "s3cret-t0ken"

  init(
    cluster: TestCluster, kubeconfig: String, repository: BareGitRepository, git: HTTPGitServer, caFile: String,
    home: TemporaryDirectory, flux: GitSyncDouble, deployments: DeploymentAvailabilityDouble, manifests: String
  ) {
    self.manifests = manifests
    self.cluster = cluster
    self.kubeconfig = kubeconfig
    self.repository = repository
    self.git = git
    self.caFile = caFile
    self.home = home
    self.flux = flux
    self.deployments = deployments
  }

  static func start(gitAuthentication: HTTPGitServer.Authentication = .basic(username: username, password: password))
    async throws -> BootstrapCLIWorld
  {
    let cluster = try await TestCluster.start()
    let home = try TemporaryDirectory(prefix: "tack-bootstrap-home")
    let repository = try BareGitRepository(name: "fleet")
    let root = String(repository.path[..<repository.path.lastIndex(of: "/")!])
    let git = try await HTTPGitServer.start(projectRoot: root, authentication: gitAuthentication)
    let caFile = try home.write("git-ca.pem", contents: git.caPEM)
    return BootstrapCLIWorld(
      cluster: cluster, kubeconfig: try cluster.writeKubeconfig(), repository: repository, git: git, caFile: caFile,
      home: home, flux: GitSyncDouble.start(on: cluster.store, interval: .milliseconds(200)),
      deployments: DeploymentAvailabilityDouble.start(on: cluster.store),
      manifests: try BootstrapCLI.bundle(for: cluster, in: home))
  }

  /// Starts a world, runs `body`, and stops it whatever happens.
  static func with(
    gitAuthentication: HTTPGitServer.Authentication = .basic(username: username, password: password),
    _ body: (BootstrapCLIWorld) async throws -> Void
  ) async throws {
    let world = try await start(gitAuthentication: gitAuthentication)
    do {
      try await body(world)
    } catch {
      await world.stop()
      throw error
    }
    await world.stop()
  }

  /// Objects of a kind in the cluster (empty when the kind is not served).
  func objects(_ apiVersion: String, _ kind: String, _ namespace: String? = nil) -> [JSON] {
    (try? cluster.store.list(apiVersion: apiVersion, kind: kind, namespace: namespace)) ?? []
  }

  /// Nothing bootstrap writes reached the cluster: no Flux namespace, CRD, secret or sync object.
  var clusterUntouched: Bool {
    object("v1", "Namespace", nil, "flux-system") == nil && object("v1", "Secret", "flux-system", "flux-system") == nil
      && objects("apiextensions.k8s.io/v1", "CustomResourceDefinition").isEmpty
  }

  func stop() async {
    await flux.stop()
    deployments.stop()
    await git.stop()
    await cluster.stop()
    repository.remove()
    home.remove()
  }

  var url: String { git.url(for: repository) }

  /// `bootstrap git` over HTTPS with token auth and the test bundle.
  func bootstrapArguments(_ extra: [String] = []) -> [String] {
    [
      "bootstrap", "git", "--url", url, "--ca-file", caFile, "--token-auth", "-u", Self.username, "-p", Self.password,
      "--path", "clusters/dev", "--manifests", manifests, "--timeout", "1m",
    ] + extra
  }

  func tack(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, timeout: Duration = .seconds(120)
  ) async throws -> ProcessResult {
    try await BootstrapCLI.run(
      arguments, home: home.path, kubeconfig: kubeconfig, environment: environment, stdin: stdin, timeout: timeout)
  }

  /// The object, or nil.
  func object(_ apiVersion: String, _ kind: String, _ namespace: String?, _ name: String) -> JSON? {
    try? cluster.store.get(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
  }

  func secretData(_ namespace: String = "flux-system", _ name: String = "flux-system") -> [String: String]? {
    guard let secret = object("v1", "Secret", namespace, name) else { return nil }
    var result: [String: String] = [:]
    for member in secret["data"]?.objectValue ?? [:] {
      result[member.key] = member.value.stringValue.flatMap { Data(base64Encoded: $0) }.map {
        String(decoding: $0, as: UTF8.self)
      }
    }
    return result
  }

  /// Replaces what varies between runs (ports, commit ids, temp paths) so output can be golden.
  func normalize(_ text: String) -> String {
    var result = text.replacingOccurrences(of: url, with: "https://127.0.0.1:PORT/fleet.git")
    result = result.replacingOccurrences(of: home.path, with: "$HOME")
    result = result.replacingOccurrences(
      of: #"[0-9a-f]{40}"#, with: "<commit>", options: .regularExpression)
    return result
  }
}

/// Where the built binaries and the shared material are, and the environment CLI tests run with.
enum BootstrapCLI {
  static var tack: String { ProjectPaths.builtProduct("tack") }

  static var manifests: String { ProjectPaths.shared("manifests/v2.9.4") }

  /// Kinds the shared bundle holds that the test API server may not serve yet.
  static let optionalKinds = ["ResourceQuota"]

  /// The shared bundle, or a copy without the objects of kinds the test API server does not serve
  /// (it has no ResourceQuota yet), so the rest of bootstrap can be tested against it.
  static func bundle(for cluster: TestCluster, in directory: TemporaryDirectory) throws -> String {
    let missing = optionalKinds.filter { (try? cluster.store.list(apiVersion: "v1", kind: $0)) == nil }
    guard !missing.isEmpty else { return manifests }
    let text = try String(contentsOfFile: manifests + "/install.yaml", encoding: .utf8)
    _ = try directory.write("bundle/install.yaml", contents: dropping(missing, from: text))
    return directory.file("bundle")
  }

  /// `text` (a multi-document manifest) without the documents of `kinds`.
  static func dropping(_ kinds: [String], from text: String) -> String {
    let documents = text.components(separatedBy: "\n---\n")
    return documents.filter { document in !kinds.contains { document.contains("\nkind: \($0)\n") } }
      .joined(separator: "\n---\n")
  }

  /// What `gotk-components.yaml` must hold for the default components, given the bundle used.
  static func expectedDefaultComponents(bundle: String) throws -> String {
    let text = try String(contentsOfFile: manifests + "/default-components.yaml", encoding: .utf8)
    return bundle == manifests ? text : dropping(optionalKinds, from: text)
  }

  /// Runs the built `tack` with ``environment(home:)`` and `kubeconfig`, plus `environment`.
  static func run(
    _ arguments: [String], home: String, kubeconfig: String, environment extra: [String: String] = [:],
    stdin: String? = nil, timeout: Duration = .seconds(120)
  ) async throws -> ProcessResult {
    var env = environment(home: home)
    env["KUBECONFIG"] = kubeconfig
    for (key, value) in extra { env[key] = value }
    return try await ProcessRunner.run(
      tack, arguments, environment: env, inheritEnvironment: false, stdin: stdin.map { Array($0.utf8) },
      timeout: timeout)
  }

  /// No colour, UTC, a private HOME and cache, nothing from the developer's shell.
  static func environment(home: String) -> [String: String] {
    [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": home, "XDG_CACHE_HOME": home + "/.cache", "TMPDIR": home,
      "TZ": "UTC", "NO_COLOR": "1", "TERM": "dumb",
    ]
  }

  /// Whether the test API server reports a Kubernetes version flux accepts (>= 1.30), read
  /// with `tack get --raw /version`.
  static func serverMeetsFluxMinimum(kubeconfig: String, home: String) async -> Bool {
    var env = environment(home: home)
    env["KUBECONFIG"] = kubeconfig
    guard let result = try? await ProcessRunner.run(tack, ["get", "--raw", "/version"], environment: env, inheritEnvironment: false),
      let version = try? JSON.parse(Array(result.stdout.utf8)), let minor = version["minor"]?.stringValue
    else { return false }
    return Int(minor.prefix { $0.isNumber }) ?? 0 >= 30
  }
}
