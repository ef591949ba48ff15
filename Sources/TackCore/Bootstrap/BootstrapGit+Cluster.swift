import TackBase
import TackJSON

extension BootstrapGit {
  // MARK: preflight

  /// Reads what bootstrap needs to know from the cluster, changing nothing.
  func preflight(_ cluster: any Cluster) async throws -> ClusterState {
    do {
      _ = try await cluster.serverVersion()
    } catch let error as CancellationError {
      throw error
    } catch {
      throw BootstrapError.failed("cannot reach the Kubernetes API server: \(error)")
    }
    if !options.force, let crd = try await cluster.get(.crd("gitrepositories.source.toolkit.fluxcd.io")) {
      let labels = crd[path: "metadata", "labels"]?.objectValue
      let manager = labels?["app.kubernetes.io/managed-by"]?.stringValue ?? ""
      if !manager.isEmpty && manager != "flux" {
        let version = labels?["app.kubernetes.io/version"]?.stringValue ?? ""
        progress.note("Flux \(version) has been installed on this cluster with \(manager)!")
        guard let confirmer else {
          throw BootstrapError(
            .needsAnswer,
            "Flux was installed on this cluster with \(manager); pass --force to let bootstrap take it over (stdin is not a terminal, so tack cannot ask)")
        }
        guard await confirmer.confirm("Are you sure you want to override the \(manager) installation? Y/N") else {
          throw BootstrapError(.cancelled, "bootstrap cancelled")
        }
      }
    }
    var state = ClusterState()
    let kustomization = try await cluster.get(.kustomization(options.namespace, options.namespace))
    if let kustomization {
      let existing = kustomization[path: "spec", "path"]?.stringValue ?? ""
      if Self.normalizedSyncPath(existing) != Self.normalizedSyncPath(options.path.dotted) {
        throw BootstrapError.usage(
          "sync path configuration (\"\(options.path.dotted)\") would overwrite path (\"\(existing)\") of existing Kustomization; pass --path \(existing.hasPrefix("./") ? String(existing.dropFirst(2)) : existing)")
      }
      let applied = kustomization[path: "status", "lastAppliedRevision"]?.stringValue ?? ""
      state.mustInstall = applied.isEmpty
    }
    state.secretExists = try await cluster.get(.secret(options.namespace, options.secretName)) != nil
    return state
  }

  static func normalizedSyncPath(_ path: String) -> String {
    var p = path
    if p.count > 2, p.hasSuffix("/") { p.removeLast() }
    if p.hasPrefix("./") { p.removeFirst(2) }
    return "./" + p
  }

  // MARK: source secret

  /// The secret bootstrap will write, or nil when an existing one stays as it is. SSH keys are
  /// generated or parsed and the host key scanned here, before anything is written, so a bad key
  /// or an unreachable SSH host stops bootstrap early.
  func prepareSecret(state: ClusterState) async throws -> GitSourceSecret? {
    let explicit: Bool
    switch options.auth {
    // flux also regenerates when -p is given with SSH auth, which would replace the deploy key on
    // every re-run; only a key file counts here.
    case .sshKey(let ssh): explicit = ssh.privateKey != nil
    case .basic, .bearer: explicit = true
    }
    // As flux: --ca-file counts (and is stored) only with token auth.
    let explicitCA = options.auth.isToken && options.caCertificate != nil
    if options.mode == .apply, state.secretExists, !explicit, !explicitCA { return nil }
    if options.mode != .apply { return nil }
    switch options.auth {
    case .basic(let username, let password):
      return GitSourceSecret(
        name: options.secretName, namespace: options.namespace,
        credentials: .basic(username: username, password: password), caCertificate: options.caCertificate)
    case .bearer(let token):
      return GitSourceSecret(
        name: options.secretName, namespace: options.namespace, credentials: .bearer(token: token),
        caCertificate: options.caCertificate)
    case .sshKey(let sshOptions):
      let key: SSHKeyMaterial
      if let privateKey = sshOptions.privateKey {
        do {
          key = try ssh.load(privateKey: privateKey, passphrase: sshOptions.password)
        } catch {
          throw BootstrapError.usage("--private-key-file \(sshOptions.privateKeyPath ?? ""): \(error)")
        }
      } else {
        key = try ssh.generate(sshOptions.algorithm)
      }
      // flux asks "Please give the key access to your repository" before writing the secret; off a
      // terminal that question has no answer, so say which flag gives it before anything happens.
      if !options.silent && confirmer == nil && deployKeyRegistrar == nil {
        let what = sshOptions.privateKey == nil ? "generates a deploy key and asks" : "asks"
        throw BootstrapError(
          .needsAnswer,
          "bootstrap \(what) you to give the deploy key access to the repository, but stdin is not a terminal: pass --silent (after adding the public key to the repository, or once bootstrap printed it)")
      }
      let target = try RepositoryURL.parse(options.syncURL)
      let knownHosts: String
      do {
        knownHosts = try await ssh.scanHostKey(host: target.host, port: target.port ?? 22)
      } catch let error as CancellationError {
        throw error
      } catch {
        throw BootstrapError.failed("failed to scan the SSH host key of \(target.hostAndPort): \(error)")
      }
      return GitSourceSecret(
        name: options.secretName, namespace: options.namespace,
        credentials: .ssh(
          identity: key.privateKey, publicKey: key.publicKey, knownHosts: knownHosts,
          passphrase: sshOptions.privateKey != nil ? sshOptions.password : nil))
    }
  }

  func reconcileSecret(_ cluster: any Cluster, secret: GitSourceSecret?) async throws {
    let key = "\(options.namespace)/\(options.secretName)"
    progress.action("determining if source secret \"\(key)\" exists")
    guard let secret else {
      progress.success("source secret up to date")
      return
    }
    // Re-runs with the same credentials change nothing: say so instead of rewriting the secret.
    if try await SourceSecretWriter.isUpToDate(secret, in: cluster) {
      progress.success("source secret up to date")
      return
    }
    progress.action("generating source secret")
    if let publicKey = secret.publicKey {
      progress.success("public key: \(publicKey.trimming("\n "))")
      if let deployKeyRegistrar {
        try await deployKeyRegistrar.register(publicKey: publicKey)
      } else if !options.silent {
        guard let confirmer, await confirmer.confirm("Please give the key access to your repository") else {
          throw BootstrapError(.cancelled, "aborting")
        }
      }
    }
    progress.action("applying source secret \"\(key)\"")
    try await SourceSecretWriter.upsert(secret, in: cluster)
    progress.success("reconciled source secret")
  }

  // MARK: components

  /// Server-side applies the components: CRDs and Namespaces first, waits (≤ 1 minute) until they
  /// are Established/Active, then everything else.
  func installComponents(_ cluster: any Cluster, deadline: ContinuousClock.Instant) async throws {
    try await ComponentInstaller(cluster: cluster, fieldManager: fieldManager).install(manifests, deadline: deadline)
  }

  // MARK: health

  func reportHealth(_ cluster: any Cluster, head: String, deadline: ContinuousClock.Instant) async throws {
    let revision = "\(options.branch)@sha1:\(head)"
    var failures: [BootstrapError] = []
    for kind in [FluxSyncWait.Kind.gitRepository, .kustomization] {
      let wait = FluxSyncWait(kind: kind, namespace: options.namespace, name: options.namespace, revision: revision)
      progress.waiting("waiting for \(kind.rawValue) \"\(wait.reference.key)\" to be reconciled")
      do {
        try await wait.run(cluster, deadline: deadline)
        progress.success("\(kind.rawValue) reconciled successfully")
      } catch let error as BootstrapError {
        progress.failure(error.message)
        failures.append(
          BootstrapError(error.reason, "error while waiting for \(kind.rawValue) to be ready: '\(error.message)'"))
      }
    }
    progress.action("confirming components are healthy")
    let health = try await DeploymentHealth(cluster: cluster).assess(
      namespace: options.namespace, names: options.components, deadline: deadline)
    for line in health.lines {
      if line.ready { progress.success(line.text) } else { progress.failure(line.text) }
    }
    if health.allReady {
      progress.success("all components are healthy")
    } else {
      failures.append(BootstrapError(.timedOut, "timed out waiting for all resources to be ready"))
    }
    guard !failures.isEmpty else { return }
    let worst = failures.map(\.exitStatus).max() ?? .failure
    let reason: BootstrapError.Reason = worst == .resourceFailed ? .resourceFailed : worst == .timedOut ? .timedOut : .failed
    throw BootstrapError(
      reason,
      "bootstrap failed with \(failures.count) health check failure(s): [\(failures.map(\.message).joined(separator: ", "))]")
  }
}
