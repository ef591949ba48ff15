import TackJSON

/// Converts between core `v1` Events and `events.k8s.io/v1` Events, which kube-apiserver serves
/// from one storage (field names differ; the data is the same).
enum EventConversion {
  /// core field → events.k8s.io/v1 field
  static let fieldMap: [(String, String)] = [
    ("involvedObject", "regarding"), ("message", "note"), ("source", "deprecatedSource"),
    ("firstTimestamp", "deprecatedFirstTimestamp"), ("lastTimestamp", "deprecatedLastTimestamp"),
    ("count", "deprecatedCount"), ("reportingComponent", "reportingController"),
  ]

  static func toEventsV1(_ core: JSON) -> JSON {
    rename(core, apiVersion: "events.k8s.io/v1", map: fieldMap)
  }

  static func toCore(_ event: JSON) -> JSON {
    rename(event, apiVersion: "v1", map: fieldMap.map { ($0.1, $0.0) })
  }

  static func rename(_ object: JSON, apiVersion: String, map: [(String, String)]) -> JSON {
    guard case .object(let source) = object else { return object }
    var result = JSONObject()
    for member in source {
      var key = member.key
      if let mapped = map.first(where: { $0.0 == key }) { key = mapped.1 }
      if key == "apiVersion" {
        result[key] = .string(apiVersion)
      } else {
        result[key] = member.value
      }
    }
    return .object(result)
  }
}
