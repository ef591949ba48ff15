import Synchronization
import TackBase
import TackCore
import TackJSON
import TackTestSupport
import Testing

@Suite struct ObjectWaiterTests {
  static func ready(_ json: JSON?) -> WaitVerdict {
    guard let json else { return .waiting("absent") }
    return json[path: "status", "ready"] == true ? .satisfied : .waiting("not ready")
  }

  func object(ready: Bool) -> JSON {
    ["kind": "Kustomization", "metadata": ["name": "x", "namespace": "ns"], "status": ["ready": .bool(ready)]]
  }

  /// A Kustomization in namespace `ns` whose Ready condition says `ready`.
  static func kustomization(ready: Bool) -> JSON {
    var object = FluxObjects.kustomization("x", namespace: "ns")
    object["status"] = [
      "conditions": [[
        "type": "Ready", "status": .string(ready ? "True" : "False"), "reason": "Test", "message": "",
        "lastTransitionTime": "2026-08-07T17:00:00Z",
      ]]
    ]
    return object
  }

  @Test func followsTheWatchNotAPoll() async throws {
    try await ClusterFixture.with(objects: [Self.kustomization(ready: false)]) { fixture in
      let watched = fixture.cluster.watchedObject(ObjectRef(kind: FluxKind.kustomization, namespace: "ns", name: "x"))
      Task {
        try await Task.sleep(for: .milliseconds(100))
        try fixture.store.modifyStatus(
          apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", namespace: "ns", name: "x"
        ) { $0 = Self.kustomization(ready: true)["status"]! }
      }
      // With a re-GET once an hour, only the watch can deliver the change in time.
      let result = try await ObjectWaiter(recheckInterval: .seconds(3600)).wait(
        for: watched, deadline: WaitDeadline(timeout: FluxWorld.patience)
      ) { json in
        guard let json else { return .waiting("absent") }
        return ObjectStatus(json).ready?.isTrue == true ? .satisfied : .waiting("not ready")
      }
      #expect(result.flatMap { ObjectStatus($0).ready?.isTrue } == true)
      let gets = fixture.server.requests(method: "GET", path: "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/ns/kustomizations/x")
      #expect(gets.count == 1, "one GET to start, then only the watch: \(gets)")
    }
  }

  @Test func aSilentWatchIsCoveredByTheRecheck() async throws {
    let state = Mutex(object(ready: false))
    let silent = WatchedObject(
      description: "Thing ns/x",
      fetch: { state.withLock { $0 } },
      watch: { _ in AsyncThrowingStream { _ in } })
    Task {
      try await Task.sleep(for: .milliseconds(50))
      state.withLock { $0 = self.object(ready: true) }
    }
    let result = try await ObjectWaiter(recheckInterval: .milliseconds(50)).wait(
      for: silent, deadline: WaitDeadline(timeout: FluxWorld.patience), until: Self.ready)
    #expect(result?[path: "status", "ready"] == true)
  }

  @Test func failingWatchesAreReplacedAfterARefetch() async throws {
    let fetches = Mutex(0)
    let flaky = WatchedObject(
      description: "Thing ns/x",
      fetch: {
        let count = fetches.withLock { value in
          value += 1
          return value
        }
        return self.object(ready: count >= 3)
      },
      watch: { _ in AsyncThrowingStream { $0.finish(throwing: CommandError("410 Gone")) } })
    let result = try await ObjectWaiter(recheckInterval: .seconds(3600), watchRetryDelay: .milliseconds(1)).wait(
      for: flaky, deadline: WaitDeadline(timeout: FluxWorld.patience), until: Self.ready)
    #expect(result?[path: "status", "ready"] == true)
  }

  @Test func theDeadlineGivesATimeoutErrorWithTheLastReason() async throws {
    let never = WatchedObject(
      description: "Thing ns/x", fetch: { self.object(ready: false) }, watch: { _ in AsyncThrowingStream { _ in } })
    let error = await #expect(throws: WaitTimeoutError.self) {
      _ = try await ObjectWaiter().wait(for: never, deadline: WaitDeadline(timeout: .milliseconds(100)), until: Self.ready)
    }
    #expect(error?.description == "timed out after 100ms waiting for Thing ns/x (not ready)")
    #expect(error?.exitStatus == .timedOut)
  }

  @Test func cancellationEndsTheWaitPromptly() async throws {
    let never = WatchedObject(
      description: "Thing ns/x", fetch: { self.object(ready: false) }, watch: { _ in AsyncThrowingStream { _ in } })
    let task = Task {
      try await ObjectWaiter().wait(for: never, deadline: WaitDeadline(timeout: .seconds(600)), until: Self.ready)
    }
    try await Task.sleep(for: .milliseconds(50))
    let start = ContinuousClock.now
    task.cancel()
    await #expect(throws: CancellationError.self) { _ = try await task.value }
    // Far below the 10-minute deadline, with margin for a busy two-core machine.
    #expect(ContinuousClock.now - start < .seconds(60))
  }

  @Test func aFailedVerdictIsThrown() async throws {
    let object = WatchedObject(
      description: "Thing ns/x", fetch: { self.object(ready: false) }, watch: { _ in AsyncThrowingStream { _ in } })
    await #expect(throws: CommandError.self) {
      _ = try await ObjectWaiter().wait(for: object, deadline: WaitDeadline(timeout: FluxWorld.patience)) { _ in
        .failed(CommandError("broken", exitStatus: .resourceFailed))
      }
    }
  }
}
