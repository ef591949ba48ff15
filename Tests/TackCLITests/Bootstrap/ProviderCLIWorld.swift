import Foundation
import TackJSON
import TackTestSupport

/// What a `bootstrap <provider>` CLI test runs against: the test API server, a hosting double
/// (GitHub or Gitea dialect) whose deploy keys a real sshd enforces, the Flux doubles syncing
/// over that sshd, and a private HOME that trusts the sshd's host key.
final class ProviderCLIWorld: Sendable {
  let dialect: HostingDouble.Dialect
  let token: String
  let cluster: TestCluster
  let kubeconfig: String
  let home: TemporaryDirectory
  let sshd: SSHGitServer
  /// The hosting double (named for the dialect most tests use).
  let github: HostingDouble
  let flux: GitSyncDouble
  let deployments: DeploymentAvailabilityDouble
  let manifests: String
  let caFile: String

  /// `github`, `gitea` or `gitlab`: the subcommand, and the token variable's prefix.
  var command: String {
    switch dialect {
    case .github: "github"
    case .gitea: "gitea"
    case .gitlab: "gitlab"
    case .bitbucketServer: "bitbucket-server"
    }
  }

  init(dialect: HostingDouble.Dialect, token: String) async throws {
    self.dialect = dialect
    self.token = token
    cluster = try await TestCluster.start()
    kubeconfig = try cluster.writeKubeconfig()
    home = try TemporaryDirectory(prefix: "tack-github-home")
    sshd = try await SSHGitServer.start(authorizedKeys: [])
    github = try await HostingDouble.start(
      dialect: dialect, token: token, user: "alice", organizations: ["acme": ["dev", "ops"], "acme/infra": []], sshd: sshd)
    flux = GitSyncDouble.start(on: cluster.store, interval: .milliseconds(200), sshUser: sshd.user)
    deployments = DeploymentAvailabilityDouble.start(on: cluster.store)
    manifests = try BootstrapCLI.bundle(for: cluster, in: home)
    caFile = try home.write("github-ca.pem", contents: github.caPEM)
    try home.write(".ssh/known_hosts", contents: sshd.knownHostsLine + "\n")
  }

  func stop() async {
    await flux.stop()
    deployments.stop()
    await github.stop()
    sshd.stop()
    await cluster.stop()
    home.remove()
  }

  func arguments(owner: String = "acme", _ extra: [String] = []) -> [String] {
    [
      "bootstrap", command, "--hostname", github.hostname, "--ssh-hostname", "127.0.0.1:\(sshd.port)",
      "--ca-file", caFile, "--owner", owner, "--repository", "fleet", "--path", "clusters/dev",
      "--manifests", manifests, "--timeout", "5m",
    ] + extra
  }

  /// Runs tack with `token` (the right one unless given) in the service's variable, or none.
  func tack(_ arguments: [String], token: String? = nil, noToken: Bool = false, stdin: String? = nil) async throws
    -> ProcessResult
  {
    let given = noToken ? nil : token ?? self.token
    let variable = dialect == .bitbucketServer ? "BITBUCKET_TOKEN" : command.uppercased() + "_TOKEN"
    return try await BootstrapCLI.run(
      arguments, home: home.path, kubeconfig: kubeconfig, environment: given.map { [variable: $0] } ?? [:],
      stdin: stdin)
  }

  func object(_ apiVersion: String, _ kind: String, _ namespace: String?, _ name: String) -> JSON? {
    try? cluster.store.get(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
  }

  var gitRepository: JSON? { object("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system", "flux-system") }

  var clusterUntouched: Bool {
    object("v1", "Namespace", nil, "flux-system") == nil && object("v1", "Secret", "flux-system", "flux-system") == nil
  }

  func secretData() -> [String: String] {
    var result: [String: String] = [:]
    for member in object("v1", "Secret", "flux-system", "flux-system")?["data"]?.objectValue ?? [:] {
      result[member.key] = member.value.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }
    return result
  }
}
