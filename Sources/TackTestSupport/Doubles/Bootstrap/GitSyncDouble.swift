import Foundation
import Synchronization
import TackJSON

/// Plays source-controller for GitRepositories and kustomize-controller for the Kustomizations
/// that sync them — the part of Flux that `bootstrap` waits for — against the test API server.
///
/// Unlike a scripted double it reads the real repository: the GitRepository's artifact revision is
/// the branch tip `git ls-remote` finds at `spec.url`, using the credentials in the secret named by
/// `spec.secretRef` (`username`/`password`, `bearerToken`, `ca.crt`, or `identity`/`known_hosts`
/// for SSH). A wrong secret or an unreachable URL gives `Ready=False` with git's message, as
/// source-controller would. Like the real controller it polls every `interval` (the test's, not
/// the object's), so a new commit shows up without a spec change. A Kustomization becomes Ready
/// with `lastAppliedRevision` once its GitRepository has an artifact.
///
/// ```swift
/// let flux = GitSyncDouble.start(on: cluster.store)
/// let deployments = DeploymentAvailabilityDouble.start(on: cluster.store)
/// … run `tack bootstrap git` …
/// await flux.stop(); deployments.stop()
/// ```
public final class GitSyncDouble: Sendable {
  let store: ObjectStore
  let interval: Duration
  let git: String
  /// Stands in for `git ls-remote` when set: the branch tip of `(url, branch)`, nil when absent.
  let tip: (@Sendable (_ url: String, _ branch: String) async -> String?)?
  /// Logs in over SSH as this user instead of the URL's: hosting services take `git@`, the test
  /// sshd only the user running the tests (the deploy key, not the name, is what is checked).
  let sshUser: String?
  private let tasks = Mutex<[Task<Void, Never>]>([])
  private let wake: AsyncStream<Void>.Continuation
  private let wakes: AsyncStream<Void>

  init(
    store: ObjectStore, interval: Duration, git: String,
    tip: (@Sendable (_ url: String, _ branch: String) async -> String?)? = nil, sshUser: String? = nil
  ) {
    self.sshUser = sshUser
    self.store = store
    self.interval = interval
    self.git = git
    self.tip = tip
    (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
  }

  public static let gitRepositoryAPIVersion = "source.toolkit.fluxcd.io/v1"
  public static let kustomizationAPIVersion = "kustomize.toolkit.fluxcd.io/v1"

  /// Starts following GitRepositories and Kustomizations in every namespace.
  public static func start(
    on store: ObjectStore, interval: Duration = .milliseconds(500), git: String = "/usr/bin/git",
    tip: (@Sendable (_ url: String, _ branch: String) async -> String?)? = nil, sshUser: String? = nil
  ) -> GitSyncDouble {
    let double = GitSyncDouble(store: store, interval: interval, git: git, tip: tip, sshUser: sshUser)
    double.tasks.withLock { tasks in
      tasks.append(Task { await double.watch(apiVersion: gitRepositoryAPIVersion, kind: "GitRepository") })
      tasks.append(Task { await double.watch(apiVersion: kustomizationAPIVersion, kind: "Kustomization") })
      tasks.append(Task { await double.loop() })
    }
    return double
  }

  public func stop() async {
    let running = tasks.withLock { tasks in
      defer { tasks = [] }
      return tasks
    }
    wake.finish()
    for task in running { task.cancel() }
    for task in running { await task.value }
  }

  func watch(apiVersion: String, kind: String) async {
    while !Task.isCancelled {
      guard let events = try? store.watch(apiVersion: apiVersion, kind: kind) else {
        try? await Task.sleep(for: .milliseconds(100))
        continue
      }
      for await _ in events {
        if Task.isCancelled { return }
        wake.yield()
      }
      try? await Task.sleep(for: .milliseconds(50))
    }
  }

  /// Passes run on every change and every `interval` (polling the repositories); a burst of
  /// events while a pass runs costs one more pass, not one per event.
  func loop() async {
    let ticker = Task { [interval, wake] in
      while !Task.isCancelled {
        wake.yield()
        try? await Task.sleep(for: interval)
      }
    }
    defer { ticker.cancel() }
    for await _ in wakes {
      if Task.isCancelled { return }
      await pass()
    }
  }

  /// One reconcile of every GitRepository, then every Kustomization.
  func pass() async {
    let repositories = (try? store.list(apiVersion: Self.gitRepositoryAPIVersion, kind: "GitRepository")) ?? []
    for repository in repositories where repository[path: "spec", "suspend"]?.boolValue != true {
      await reconcileSource(repository)
    }
    let kustomizations = (try? store.list(apiVersion: Self.kustomizationAPIVersion, kind: "Kustomization")) ?? []
    for kustomization in kustomizations where kustomization[path: "spec", "suspend"]?.boolValue != true {
      reconcileKustomization(kustomization)
    }
  }

  // MARK: GitRepository

  func reconcileSource(_ repository: JSON) async {
    guard let name = repository[path: "metadata", "name"]?.stringValue,
      let namespace = repository[path: "metadata", "namespace"]?.stringValue,
      let url = repository[path: "spec", "url"]?.stringValue
    else { return }
    let branch = repository[path: "spec", "ref", "branch"]?.stringValue ?? "master"
    let secretName = repository[path: "spec", "secretRef", "name"]?.stringValue
    let result = await resolve(url: url, branch: branch, namespace: namespace, secretName: secretName)
    let generation = repository[path: "metadata", "generation"]?.intValue ?? 1
    let token = repository[path: "metadata", "annotations", "reconcile.fluxcd.io/requestedAt"]?.stringValue
    let now = Self.timestamp()
    var status = repository["status"] ?? [:]
    let unchanged: Bool
    switch result {
    case .success(let commit):
      let revision = "\(branch)@sha1:\(commit)"
      unchanged =
        status[path: "artifact", "revision"]?.stringValue == revision
        && status["observedGeneration"]?.intValue == generation && Self.ready(status) == "True"
        && status["lastHandledReconcileAt"]?.stringValue == token
      let message = "stored artifact for revision '\(revision)'"
      status["artifact"] = [
        "digest": .string("sha256:" + String(repeating: commit, count: 2).prefix(64)),
        "lastUpdateTime": .string(now),
        "path": .string("gitrepository/\(namespace)/\(name)/\(commit).tar.gz"),
        "revision": .string(revision),
        "size": 1024,
        "url": .string("http://source-controller.\(namespace).svc.cluster.local./gitrepository/\(namespace)/\(name)/\(commit).tar.gz"),
      ]
      status["conditions"] = [
        Self.condition("Ready", "True", "Succeeded", message, generation, now),
        Self.condition("ArtifactInStorage", "True", "Succeeded", message, generation, now),
      ]
    case .failure(let message):
      unchanged = Self.ready(status) == "False" && status["observedGeneration"]?.intValue == generation
        && Self.readyMessage(status) == message
      status["conditions"] = [Self.condition("Ready", "False", "GitOperationFailed", message, generation, now)]
    }
    if unchanged { return }
    status["observedGeneration"] = .int(generation)
    if let token { status["lastHandledReconcileAt"] = .string(token) }
    _ = try? store.modifyStatus(
      apiVersion: Self.gitRepositoryAPIVersion, kind: "GitRepository", namespace: namespace, name: name,
      fieldManager: "source-controller"
    ) { $0 = status }
  }

  enum Resolution { case success(String), failure(String) }

  /// `git ls-remote <url> refs/heads/<branch>` with the secret's credentials.
  func resolve(url: String, branch: String, namespace: String, secretName: String?) async -> Resolution {
    if let tip {
      guard let commit = await tip(url, branch) else {
        return .failure("failed to checkout and determine revision: unable to clone '\(url)': couldn't find remote ref \"refs/heads/\(branch)\"")
      }
      return .success(commit)
    }
    var data: [String: String] = [:]
    if let secretName {
      guard let secret = try? store.get(apiVersion: "v1", kind: "Secret", namespace: namespace, name: secretName) else {
        return .failure("secrets \"\(secretName)\" not found")
      }
      for member in secret["data"]?.objectValue ?? [:] {
        if let text = member.value.stringValue, let bytes = Data(base64Encoded: text) {
          data[member.key] = String(decoding: bytes, as: UTF8.self)
        }
      }
    }
    guard let scratch = try? TemporaryDirectory(prefix: "tack-gitsync") else { return .failure("no temp directory") }
    defer { scratch.remove() }
    var arguments: [String] = []
    var environment = ["GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "/bin/false", "SSH_ASKPASS": "/bin/false"]
    var target = url
    if let ca = data["ca.crt"], let file = try? scratch.write("ca.crt", contents: ca) {
      // The environment, not `-c http.sslCAInfo`, which Debian's git (GnuTLS) did not honour here.
      environment["GIT_SSL_CAINFO"] = file
    }
    if let token = data["bearerToken"] {
      arguments += ["-c", "http.extraHeader=Authorization: Bearer \(token)"]
    } else if let username = data["username"], let password = data["password"], url.hasPrefix("http"),
      let marker = url.range(of: "://")
    {
      let user = username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username
      let pass = password.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? password
      target = String(url[..<marker.upperBound]) + "\(user):\(pass)@" + String(url[marker.upperBound...])
    }
    if url.hasPrefix("ssh://") {
      guard let identity = data["identity"], let knownHosts = data["known_hosts"],
        let key = try? scratch.write("identity", contents: identity, permissions: 0o600),
        let hosts = try? scratch.write("known_hosts", contents: knownHosts)
      else {
        return .failure("failed to configure authentication options: identity and known_hosts are required for SSH")
      }
      if let sshUser, let at = target.firstIndex(of: "@") {
        target = "ssh://\(sshUser)" + target[at...]
      }
      environment["GIT_SSH_COMMAND"] =
        "ssh -i \(key) -o IdentitiesOnly=yes -o UserKnownHostsFile=\(hosts) -o StrictHostKeyChecking=yes -o BatchMode=yes"
    }
    arguments += ["ls-remote", target, "refs/heads/\(branch)"]
    guard let result = try? await ProcessRunner.run(git, arguments, environment: environment, timeout: .seconds(30)) else {
      return .failure("failed to run git")
    }
    let redact = { (text: String) in
      data["password"].map { text.replacingOccurrences(of: $0, with: "*****") } ?? text
    }
    guard result.succeeded else {
      let detail = redact(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
      return .failure("failed to checkout and determine revision: unable to clone '\(url)': \(detail)")
    }
    guard let commit = result.stdout.split(separator: "\t").first.map(String.init), commit.count == 40 else {
      return .failure("failed to checkout and determine revision: unable to clone '\(url)': couldn't find remote ref \"refs/heads/\(branch)\"")
    }
    return .success(commit)
  }

  // MARK: Kustomization

  func reconcileKustomization(_ kustomization: JSON) {
    guard let name = kustomization[path: "metadata", "name"]?.stringValue,
      let namespace = kustomization[path: "metadata", "namespace"]?.stringValue,
      kustomization[path: "spec", "sourceRef", "kind"]?.stringValue == "GitRepository",
      let sourceName = kustomization[path: "spec", "sourceRef", "name"]?.stringValue
    else { return }
    let sourceNamespace = kustomization[path: "spec", "sourceRef", "namespace"]?.stringValue ?? namespace
    let generation = kustomization[path: "metadata", "generation"]?.intValue ?? 1
    let token = kustomization[path: "metadata", "annotations", "reconcile.fluxcd.io/requestedAt"]?.stringValue
    let now = Self.timestamp()
    var status = kustomization["status"] ?? [:]
    let source = try? store.get(
      apiVersion: Self.gitRepositoryAPIVersion, kind: "GitRepository", namespace: sourceNamespace, name: sourceName)
    let revision = source?[path: "status", "artifact", "revision"]?.stringValue
    if let revision, Self.ready(source?["status"] ?? [:]) == "True" {
      if status["lastAttemptedRevision"]?.stringValue == revision, status["observedGeneration"]?.intValue == generation,
        Self.ready(status) == "True", status["lastHandledReconcileAt"]?.stringValue == token
      {
        return
      }
      status["lastAttemptedRevision"] = .string(revision)
      status["lastAppliedRevision"] = .string(revision)
      status["inventory"] = ["entries": []]
      status["conditions"] = [
        Self.condition("Ready", "True", "ReconciliationSucceeded", "Applied revision: \(revision)", generation, now)
      ]
    } else {
      let message = source == nil
        ? "GitRepository.source.toolkit.fluxcd.io \"\(sourceName)\" not found"
        : "Source artifact not found, retrying in 30s"
      if Self.readyMessage(status) == message, status["observedGeneration"]?.intValue == generation { return }
      status["conditions"] = [Self.condition("Ready", "False", "ArtifactFailed", message, generation, now)]
    }
    status["observedGeneration"] = .int(generation)
    if let token { status["lastHandledReconcileAt"] = .string(token) }
    _ = try? store.modifyStatus(
      apiVersion: Self.kustomizationAPIVersion, kind: "Kustomization", namespace: namespace, name: name,
      fieldManager: "kustomize-controller"
    ) { $0 = status }
    if name == "flux-system", Self.ready(status) == "True" { labelFluxDefinitions(kustomization: name, namespace: namespace) }
  }

  /// kustomize-controller labels what it applies with the Kustomization's name and namespace; once
  /// `flux-system` has applied gotk-components.yaml, Flux's CRDs carry them, which is how
  /// `check` / `install` tell a bootstrapped cluster. The double does not apply the repository, so
  /// it labels the CRDs of the `flux-system` Kustomization's (assumed) components directly.
  func labelFluxDefinitions(kustomization name: String, namespace: String) {
    let labels: JSON = ["kustomize.toolkit.fluxcd.io/name": .string(name), "kustomize.toolkit.fluxcd.io/namespace": .string(namespace)]
    let crds = (try? store.list(
      apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", labelSelector: "app.kubernetes.io/part-of=flux")) ?? []
    for crd in crds {
      guard let crdName = crd[path: "metadata", "name"]?.stringValue,
        crd[path: "metadata", "labels", "kustomize.toolkit.fluxcd.io/name"]?.stringValue != name
      else { continue }
      _ = try? store.patch(
        apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: crdName,
        patch: ["metadata": ["labels": labels]], fieldManager: "kustomize-controller")
    }
  }

  // MARK: helpers

  static func ready(_ status: JSON) -> String? {
    status["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }?["status"]?.stringValue
  }

  static func readyMessage(_ status: JSON) -> String? {
    status["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }?["message"]?.stringValue
  }

  static func condition(
    _ type: String, _ status: String, _ reason: String, _ message: String, _ generation: Int, _ now: String
  ) -> JSON {
    [
      "type": .string(type), "status": .string(status), "reason": .string(reason), "message": .string(message),
      "observedGeneration": .int(generation), "lastTransitionTime": .string(now),
    ]
  }

  /// RFC 3339 UTC, seconds precision (metav1.Time).
  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}
