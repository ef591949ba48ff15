// The dashboard's frame cost with 1,000 watched objects, without a terminal: how long a full
// redraw (render the view + encode every cell) and a one-object change take, and the bytes each
// writes. Benchmarks/ui/run.sh runs it next to the idle-CPU and memory measurement of `tack ui`.
import Foundation
import TackBase
import TackCore
import TackJSON
import TackOutput

func kustomization(_ index: Int, now: RFC3339Time) -> JSON {
  let failed = index % 20 == 0
  let ready: JSON = [
    "type": "Ready", "status": .string(failed ? "False" : "True"),
    "reason": .string(failed ? "HealthCheckFailed" : "ReconciliationSucceeded"),
    "message": .string(
      failed
        ? "Health check failed after 5m0s: timeout waiting for: [Deployment/apps-\(index)/web status: 'InProgress']"
        : "Applied revision: main@sha1:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"),
    "lastTransitionTime": .string(RFC3339Time(epochSeconds: now.epochSeconds - Int64(index * 7)).rfc3339),
  ]
  return [
    "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
    "metadata": ["name": .string("app-\(index)"), "namespace": .string("team-\(index % 50)"), "generation": 1],
    "spec": [
      "interval": "10m", "path": "./apps", "prune": true,
      "sourceRef": ["kind": "GitRepository", "name": "flux-system", "namespace": "flux-system"],
    ],
    "status": [
      "observedGeneration": 1, "conditions": [ready],
      "lastAppliedRevision": "main@sha1:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",
    ],
  ]
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func residentKiB() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
    return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
  }
  return 0
}

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000
let repetitions = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 200 : 200
let now = RFC3339Time.now()
let before = residentKiB()
var state = DashboardState(context: "bench", namespace: nil, now: now)
for kind in state.kinds { state.apply(DashboardUpdate.feed(kind, .watching)) }
state.apply(DashboardFeedUpdate.replace(.kustomization, (0..<count).map { DashboardObject(kind: .kustomization, object: kustomization($0, now: now)) }))
let after = residentKiB()
print("objects: \(count); state: \(after - before) KiB resident for the objects")

let clock = ContinuousClock()
for (screen, key) in [("overview", "1"), ("objects", "2"), ("tree", "5")] {
  _ = state.handle(.character(Character(key)), at: .now)
  for (columns, rows) in [(120, 40), (200, 60)] {
    var encoder = FrameEncoder(depth: .ansi256)
    var full: [Double] = []
    var fullBytes = 0
    for _ in 0..<repetitions {
      encoder.invalidate()
      let elapsed = clock.measure {
        let frame = DashboardView.render(state, columns: columns, rows: rows)
        fullBytes = encoder.encode(frame).count
      }
      full.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
    }
    var change: [Double] = []
    var changeBytes = 0
    for i in 0..<repetitions {
      // One watch event: an object flips between Ready and Failed.
      var flipped = DashboardObject(kind: .kustomization, object: kustomization(1, now: now))
      flipped.state = i % 2 == 0 ? .failed : .ready
      state.apply(DashboardUpdate.upsert(flipped))
      let elapsed = clock.measure {
        let frame = DashboardView.render(state, columns: columns, rows: rows)
        changeBytes = encoder.encode(frame).count
      }
      change.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
    }
    print(
      String(
        format: "%@ %dx%d: full redraw %.2f ms (%d bytes), one object changed %.2f ms (%d bytes), median of %d",
        screen, columns, rows, median(full), fullBytes, median(change), changeBytes, repetitions))
  }
}
