#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import Synchronization
#if canImport(Glibc)
  import Glibc
#endif
import TackBase
import TackJSON
import TackTestSupport
@testable import TackCore

/// A clone without Git: a temporary work tree whose "commits" are snapshots of its files.
final class FakeRepository: FleetRepository, @unchecked Sendable {
  let workTreePath: String
  let state = Mutex<(snapshots: [[String: String]], heads: [String], pushes: [PushOutcome], pushed: [String])>(
    ([[:]], [], [], []))
  /// Called on each push before deciding; returns the outcome (default: pushed).
  let pushOutcomes: Mutex<[PushOutcome]>

  init(directory: String, initialFiles: [String: String] = [:], pushOutcomes: [PushOutcome] = []) throws {
    workTreePath = directory
    self.pushOutcomes = Mutex(pushOutcomes)
    for (path, content) in initialFiles {
      let full = directory + "/" + path
      try FileManager.default.createDirectory(
        atPath: String(full[..<full.lastIndex(of: "/")!]), withIntermediateDirectories: true)
      try Data(content.utf8).write(to: URL(fileURLWithPath: full))
    }
    state.withLock { $0.snapshots = [Self.snapshot(directory)] }
  }

  static func snapshot(_ directory: String) -> [String: String] {
    var result: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let path = enumerator?.nextObject() as? String {
      if let data = FileManager.default.contents(atPath: directory + "/" + path), !LocalPathTest.isDirectory(directory + "/" + path) {
        result[path] = String(decoding: data, as: UTF8.self)
      }
    }
    return result
  }

  func head() async -> String? { state.withLock { $0.heads.last } }

  func commit(message: String, author: CommitAuthor) async throws -> String? {
    let now = Self.snapshot(workTreePath)
    return state.withLock { state in
      guard now != state.snapshots.last else { return nil }
      state.snapshots.append(now)
      let sha = String(repeating: String(state.heads.count + 1), count: 40)
      state.heads.append(sha)
      return sha
    }
  }

  func push() async throws -> PushOutcome {
    let outcome = pushOutcomes.withLock { $0.isEmpty ? PushOutcome.pushed : $0.removeFirst() }
    state.withLock { state in
      state.pushes.append(outcome)
      if outcome == .pushed, let head = state.heads.last { state.pushed.append(head) }
    }
    return outcome
  }

  func resetToRemote() async throws {
    state.withLock { state in
      state.snapshots.removeLast()
      state.heads.removeLast()
    }
  }

  func moveCommits(toNewBranch name: String) async throws {}

  var pushedHeads: [String] { state.withLock { $0.pushed } }
  var commitCount: Int { state.withLock { $0.heads.count } }
}

enum LocalPathTest {
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}

struct FakeCloner: FleetRepositoryCloner {
  let repository: FakeRepository
  func clone(into directory: String) async throws -> any FleetRepository { repository }
}

/// The test API server as bootstrap meets it (no CRDs until bootstrap installs them), with the
/// Deployment controller double and, given `sync`, source- and kustomize-controller doubles that
/// report the commit `sync` returns as synced.
struct BootstrapWorld {
  let fixture: ClusterFixture

  var cluster: any Cluster { fixture.cluster }

  static func with<T>(
    sync head: (@Sendable () async -> String?)? = nil, _ body: (BootstrapWorld) async throws -> T
  ) async throws -> T {
    try await ClusterFixture.with(crds: false) { fixture in
      let deployments = DeploymentAvailabilityDouble.start(on: fixture.store)
      let flux = head.map { head in
        GitSyncDouble.start(on: fixture.store, interval: .milliseconds(100), tip: { _, _ in await head() })
      }
      do {
        let result = try await body(BootstrapWorld(fixture: fixture))
        await flux?.stop()
        deployments.stop()
        return result
      } catch {
        await flux?.stop()
        deployments.stop()
        throw error
      }
    }
  }

  func secret(_ namespace: String, _ name: String) -> JSON? {
    try? fixture.store.get(apiVersion: "v1", kind: "Secret", namespace: namespace, name: name)
  }

  /// The objects bootstrap applied (server-side apply PATCHes), in order, by URL path.
  var applied: [String] { fixture.server.requests(method: "PATCH").map(\.path) }

  /// Whether an applied path is a CRD or a Namespace (what flux applies first).
  static func isDefinition(_ path: String) -> Bool {
    path.hasPrefix("/apis/apiextensions.k8s.io/") || (path.hasPrefix("/api/v1/namespaces/") && path.split(separator: "/").count == 4)
  }
}

/// The shared bundle's text without the kinds the test API server does not serve (ResourceQuota).
enum ServedManifests {
  static func text(_ path: String) -> String {
    BootstrapTestPaths.read(path).components(separatedBy: "\n---\n")
      .filter { !$0.contains("\nkind: ResourceQuota\n") }.joined(separator: "\n---\n")
  }
}

struct FakeSSH: SSHTooling {
  func generate(_ algorithm: SSHKeyAlgorithm) throws -> SSHKeyMaterial {
    SSHKeyMaterial(privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n-----END OPENSSH PRIVATE KEY-----\n", publicKey: "ecdsa-sha2-nistp384 AAAAfake\n")
  }
  func load(privateKey: String, passphrase: String?) throws -> SSHKeyMaterial {
    SSHKeyMaterial(privateKey: privateKey, publicKey: "ssh-ed25519 AAAAloaded\n")
  }
  func scanHostKey(host: String, port: Int) async throws -> String { "[\(host)]:\(port) ecdsa-sha2-nistp256 AAAAhost\n" }
}

struct Yes: Confirming {
  func confirm(_ question: String) async -> Bool { true }
}
