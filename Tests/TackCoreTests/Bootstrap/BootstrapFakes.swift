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

/// An in-memory cluster. With `reconcile`, applying the sync manifests makes Flux "sync" the head
/// the closure returns, and Deployments become available when applied.
final class FakeCluster: ClusterAccess, @unchecked Sendable {
  let objects = Mutex<[ObjectReference: JSON]>([:])
  let applied = Mutex<[String]>([])
  let reconcile: (@Sendable () async -> String?)?
  let branch: String
  let version: String

  init(branch: String = "main", version: String = "v1.33.1", reconcile: (@Sendable () async -> String?)? = nil) {
    self.branch = branch
    self.version = version
    self.reconcile = reconcile
  }

  func key(_ reference: ObjectReference) -> ObjectReference {
    var key = reference
    if ["CustomResourceDefinition", "Namespace", "ClusterRole", "ClusterRoleBinding"].contains(reference.kind) {
      key.namespace = nil
    }
    return key
  }

  func serverVersion() async throws -> String { version }

  func get(_ reference: ObjectReference) async throws -> JSON? { objects.withLock { $0[key(reference)] } }

  func list(apiVersion: String, kind: String, namespace: String?, labelSelector: String?) async throws -> [JSON] {
    objects.withLock { Array($0.filter { $0.key.kind == kind }.values) }
  }

  func store(_ object: JSON) -> JSON {
    var object = object
    let reference = key(ObjectReference(of: object))
    return objects.withLock { objects in
      let version = Int(objects[reference]?[path: "metadata", "resourceVersion"]?.stringValue ?? "0")! + 1
      object[path: "metadata", "resourceVersion"] = .string(String(version))
      object[path: "metadata", "generation"] = 1
      if reference.kind == "CustomResourceDefinition" {
        object[path: "status"] = ["conditions": [["type": "Established", "status": "True"]], "storedVersions": ["v1"]]
      }
      if reference.kind == "Deployment" {
        object["status"] = [
          "observedGeneration": 1, "replicas": 1, "updatedReplicas": 1, "readyReplicas": 1, "availableReplicas": 1,
          "conditions": [
            ["type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"],
            ["type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"],
          ],
        ]
      }
      objects[reference] = object
      return object
    }
  }

  func apply(_ object: JSON, fieldManager: String, force: Bool) async throws -> JSON {
    applied.withLock { $0.append(ObjectReference(of: object).description) }
    var stored = store(object)
    if let reconcile, ["GitRepository", "Kustomization"].contains(stored["kind"]?.stringValue ?? ""),
      let head = await reconcile()
    {
      let revision = "\(branch)@sha1:\(head)"
      stored[path: "status"] = [
        "observedGeneration": 1,
        "conditions": [["type": "Ready", "status": "True", "reason": "Succeeded", "message": "stored"]],
        "artifact": ["revision": .string(revision)],
        "lastAttemptedRevision": .string(revision),
        "lastAppliedRevision": .string(revision),
      ]
      objects.withLock { $0[key(ObjectReference(of: stored))] = stored }
    }
    return stored
  }

  func create(_ object: JSON) async throws -> JSON { store(object) }
  func update(_ object: JSON) async throws -> JSON { store(object) }

  func wait(
    for reference: ObjectReference, timeout: Duration, until: @escaping @Sendable (JSON?) throws -> Bool
  ) async throws -> JSON? {
    let object = try await get(reference)
    if try until(object) { return object }
    throw WaitTimeout(reference: reference, lastSeen: object)
  }

  var appliedKinds: [String] { applied.withLock { $0 } }
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
