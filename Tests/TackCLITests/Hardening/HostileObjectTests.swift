import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// Objects one user can create that every admin's `tack get … -A` then reads: numbers at the ends of
/// Int64 (the CRD accepts them) and messages carrying terminal escape sequences. Commands run
/// in-process against the test API server; each must exit 0 and print something sensible.
@Suite struct HostileObjectTests {
  static let namespace = "hostile"

  /// Canaries whose numbers overflowed `CanaryProgress` (SIGILL) before arithmetic on them saturated.
  static let canaries: [String] = [
    // blue/green with Int.max iterations: the ETA multiplies the interval by ~Int.max ticks.
    """
    {"metadata": {"name": "iterations-max"}, "spec": {"analysis": {"interval": "1m", "threshold": 5,
     "iterations": 9223372036854775807}}, "status": {"phase": "Progressing", "iterations": 3}}
    """,
    // The ladder subtracts the current weight from the next entry.
    """
    {"metadata": {"name": "step-weights-min"}, "spec": {"analysis": {"interval": "1m", "threshold": 2,
     "stepWeights": [10, -9223372036854775808, 50]}}, "status": {"phase": "Progressing", "canaryWeight": 10}}
    """,
    """
    {"metadata": {"name": "weights-max"}, "spec": {"analysis": {"interval": "1m", "threshold": 9223372036854775807,
     "maxWeight": 9223372036854775807, "stepWeight": 9223372036854775807}},
     "status": {"phase": "Progressing", "canaryWeight": 9223372036854775807, "failedChecks": -9223372036854775808,
     "iterations": 9223372036854775807}}
    """,
    """
    {"metadata": {"name": "weights-min"}, "spec": {"analysis": {"interval": "1m", "threshold": -9223372036854775808,
     "maxWeight": -9223372036854775808, "stepWeight": -9223372036854775808, "mirror": true}},
     "status": {"phase": "Progressing", "canaryWeight": -9223372036854775808, "failedChecks": 9223372036854775807,
     "iterations": -9223372036854775808}}
    """,
    // Nearly the longest interval Go parses (about 2562047h), times the ticks left: past Int64 nanoseconds.
    """
    {"metadata": {"name": "interval-long"}, "spec": {"analysis": {"interval": "153722867m", "threshold": 5,
     "maxWeight": 50, "stepWeight": 10}}, "status": {"phase": "Progressing", "canaryWeight": 0}}
    """,
    """
    {"metadata": {"name": "interval-huge"}, "spec": {"analysis": {"interval": "9999999999m", "threshold": 5,
     "maxWeight": 50, "stepWeight": 10}}, "status": {"phase": "Progressing", "canaryWeight": 20}}
    """,
  ]

  static func canaryObject(_ text: String) throws -> JSON {
    var object = try JSON.parse(text)
    object["apiVersion"] = "flagger.app/v1beta1"
    object["kind"] = "Canary"
    object[path: "metadata", "namespace"] = .string(namespace)
    object[path: "spec", "targetRef"] = ["apiVersion": "apps/v1", "kind": "Deployment", "name": "podinfo"]
    object[path: "spec", "service"] = ["port": 9898]
    return object
  }

  static let escapeMessage = "Applied \u{1B}]0;pwned\u{07}revision\u{1B}[2J: main\u{9B}31m@sha1:abc\u{7F}\r"

  /// Every string anywhere in `json`.
  static func strings(in json: JSON) -> [String] {
    switch json {
    case .string(let text): [text]
    case .array(let items): items.flatMap(strings(in:))
    case .object(let object): object.flatMap { strings(in: $0.value) }
    default: []
    }
  }

  static func withHostileCluster(_ body: (String) async throws -> Void) async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.all)
      var objects: [JSON] = [["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace)]]]
      objects += try canaries.map(canaryObject)
      objects.append([
        "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
        "metadata": ["name": "escapes", "namespace": .string(namespace)],
        "spec": [
          "interval": "10m", "path": "./apps", "prune": true,
          "sourceRef": ["kind": "GitRepository", "name": "flux-system"],
        ],
        "status": [
          "lastAppliedRevision": "main@sha1:abc",
          "conditions": [
            [
              "type": "Ready", "status": "False", "reason": "Failed", "lastTransitionTime": "2026-08-07T16:50:15Z",
              "message": .string(escapeMessage),
            ]
          ],
        ],
      ])
      try cluster.store.seed(objects)
      try await body(try cluster.writeKubeconfig())
    }
  }

  @Test func listingOverflowCanariesExitsZero() async throws {
    try await Self.withHostileCluster { kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      for arguments in [["get", "canaries", "-A"], ["get", "canaries", "-n", Self.namespace, "-o", "json"]] {
        let r = await InProcessTack.run(arguments, environment: env)
        #expect(r.exitCode == 0, "\(arguments): \(r)")
        for name in ["iterations-max", "step-weights-min", "weights-max", "weights-min", "interval-long", "interval-huge"] {
          #expect(r.stdout.contains(name), "\(arguments): \(r)")
        }
      }
      let table = await InProcessTack.run(["get", "canaries", "-n", Self.namespace], environment: env)
      // Blue/green with Int.max iterations: step 0 of Int.max, not a trap.
      #expect(table.stdout.contains("3/9223372036854775807"), "\(table)")
    }
  }

  /// Flags are input too: the longest request timeouts convert to libcurl's milliseconds without
  /// wrapping, and a timeout past Go's range is a usage error, not a trap.
  @Test func extremeTimeoutFlags() async throws {
    try await Self.withHostileCluster { kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      for timeout in ["9223372036854775807", "153722867m", "2562047h"] {
        let r = await InProcessTack.run(["get", "canaries", "-A", "--request-timeout", timeout], environment: env)
        #expect(r.exitCode == 0, "\(timeout): \(r)")
      }
      for timeout in ["9999999999h", "99999999999999999999"] {
        let r = await InProcessTack.run(["get", "canaries", "-A", "--request-timeout", timeout], environment: env)
        #expect(r.exitCode == 64, "\(timeout): \(r)")
      }
      let wait = await InProcessTack.run(
        ["canary", "status", "iterations-max", "-n", Self.namespace, "--timeout", "9999999999h"], environment: env)
      #expect(wait.exitCode == 64, "\(wait)")
    }
  }

  @Test func canaryStatusOfOverflowCanariesIsSensible() async throws {
    try await Self.withHostileCluster { kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      var statuses: [String: String] = [:]
      for name in ["iterations-max", "step-weights-min", "weights-max", "weights-min", "interval-long", "interval-huge"] {
        let r = await InProcessTack.run(["canary", "status", name, "-n", Self.namespace], environment: env)
        #expect(r.exitCode == 0, "\(name): \(r)")
        statuses[name] = r.stdout
        let json = await InProcessTack.run(["canary", "status", name, "-n", Self.namespace, "-o", "json"], environment: env)
        #expect(json.exitCode == 0, "\(name): \(json)")
        #expect((try? JSON.parse(json.stdout)) != nil, "\(name): \(json)")
      }
      // An ETA past Go's longest duration is infinite, not a wrapped-around number.
      #expect(statuses["iterations-max"]?.contains("ETA ≥ ∞") == true, "\(statuses)")
      #expect(statuses["interval-long"]?.contains("ETA ≥ ∞") == true, "\(statuses)")
      // An interval Go cannot parse falls back to Flagger's default of 60 s.
      #expect(statuses["interval-huge"]?.contains("Interval:      1m0s") == true, "\(statuses)")
      // Threshold Int.max, failed checks Int.min... and the reverse: counted without wrapping.
      #expect(statuses["weights-min"]?.contains("Failed checks: 9223372036854775807/1") == true, "\(statuses)")
    }
  }

  @Test func terminalEscapesInMessagesAreStrippedFromTables() async throws {
    try await Self.withHostileCluster { kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      for arguments in [["get", "ks", "-n", Self.namespace], ["get", "all", "-A"], ["get", "ks", "-A", "--no-header"]] {
        let r = await InProcessTack.run(arguments, environment: env)
        #expect(r.exitCode == 0, "\(arguments): \(r)")
        #expect(r.stdout.contains("escapes"), "\(arguments): \(r)")
        #expect(!r.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(arguments): \(r)")
        #expect(!r.stdout.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) }, "\(arguments): \(r)")
        #expect(r.stdout.contains("Applied revision: main@sha1:abc"), "\(arguments): \(r)")
      }
      // Machine output keeps the server's bytes.
      let json = await InProcessTack.run(["get", "ks", "escapes", "-n", Self.namespace, "-o", "json"], environment: env)
      #expect(json.exitCode == 0, "\(json)")
      let document = try JSON.parse(json.stdout)
      #expect(Self.strings(in: document).contains(Self.escapeMessage), "the JSON output lost the message's bytes")
    }
  }
}
