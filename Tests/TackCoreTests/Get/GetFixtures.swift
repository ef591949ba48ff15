import TackBase
import TackCore
import TackJSON
import TackTestSupport
import TackTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Loads the shared get fixtures and compares output with golden files under `Get/Fixtures/`.
/// `TACK_RECORD=1` rewrites the golden files instead of comparing.
enum GetFixtures {
  static let directory: String = {
    // Golden tables render LAST SCAN / LAST RUN in local time, as flux does: pin the zone.
    setenv("TZ", "UTC", 1)
    tzset()
    let file = #filePath
    return String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) + "/Fixtures"
  }()

  /// Every fixture object, in file order.
  static let objects: [JSON] = {
    let text = (try? String(contentsOfFile: directory + "/objects.yaml", encoding: .utf8)) ?? ""
    return (try? JSON.parseYAMLDocuments(text)) ?? []
  }()

  static func objects(of kind: FluxKind, namespace: String? = "flux-system") -> [JSON] {
    objects.filter {
      $0["kind"]?.stringValue == kind.kind && $0["apiVersion"]?.stringValue == kind.apiVersion
        && (namespace == nil || $0[path: "metadata", "namespace"]?.stringValue == namespace)
    }
  }

  /// A fixed "now" (touching `directory` first pins the time zone) so AGE columns are stable: 2026-08-07T17:00:00Z.
  static let now: RFC3339Time = {
    _ = directory
    return RFC3339Time("2026-08-07T17:00:00Z")!
  }()

  /// Compares `actual` with `Fixtures/golden/<name>`; records it with TACK_RECORD=1.
  static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    GoldenFile.expect(actual, at: directory + "/golden/" + name, sourceLocation: sourceLocation)
  }
}
