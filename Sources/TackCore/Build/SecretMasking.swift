import TackBase
import TackJSON

/// How `flux diff` keeps Secret values out of its report.
enum SecretMasking {
  static let same = "***"
  static let before = "*** (before)"
  static let after = "*** (after)"
  static let keysOnly = "*****"

  /// fluxcd/pkg ssa's `SanitizeUnstructuredData`: every `data` value becomes `***`, or
  /// `*** (before)` / `*** (after)` when it differs between the two sides.
  static func sanitize(live: inout JSON, merged: inout JSON) {
    let old = live["data"]?.objectValue
    let new = merged["data"]?.objectValue
    var maskedOld = old ?? [:]
    var maskedNew = new ?? [:]
    for member in old ?? [:] {
      if let other = new?[member.key] {
        if other != member.value {
          maskedOld[member.key] = .string(before)
          maskedNew[member.key] = .string(after)
          continue
        }
        maskedNew[member.key] = .string(same)
      }
      maskedOld[member.key] = .string(same)
    }
    for member in new ?? [:] where old?[member.key] == nil { maskedNew[member.key] = .string(same) }
    if old != nil { live["data"] = .object(maskedOld) }
    if new != nil { merged["data"] = .object(maskedNew) }
  }

  /// True when the desired Secret carries SOPS-masked values (see ``SopsMask``): its values
  /// cannot be compared with the cluster's, only its keys.
  static func comparesKeysOnly(_ desired: JSON) -> Bool {
    for member in desired["data"]?.objectValue ?? [:] {
      guard let text = member.value.stringValue, let bytes = SopsMask.goDecode(text) else { continue }
      if String(decoding: bytes, as: UTF8.self).contains(SopsMask.mask) { return true }
    }
    return false
  }

  /// Replaces every `data` value with `*****`; returns the sorted keys.
  static func maskAllValues(_ object: inout JSON) -> [String] {
    guard let data = object["data"]?.objectValue else { return [] }
    var masked = JSONObject()
    for member in data { masked.appendUnchecked(member.key, .string(keysOnly)) }
    object["data"] = .object(masked)
    return data.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}

/// dyff's differences as ``FieldChange`` values for `-o json`.
enum FieldChangeBuilder {
  static func changes(_ difference: Dyff.Difference) -> [FieldChange] {
    let path = Dyff.pathText(difference.path)
    return difference.details.map { detail in
      switch detail.kind {
      case .addition:
        return FieldChange(path: path, kind: .added, from: nil, to: detail.to.map(NeatYAML.render))
      case .removal:
        return FieldChange(path: path, kind: .removed, from: detail.from.map(NeatYAML.render), to: nil)
      case .modification:
        return FieldChange(path: path, kind: .changed, from: detail.from.map(text), to: detail.to.map(text))
      case .orderChange:
        return FieldChange(path: path, kind: .orderChanged, from: detail.from.map(NeatYAML.render),
          to: detail.to.map(NeatYAML.render))
      }
    }
  }

  private static func text(_ node: Dyff.Node) -> String {
    if case .scalar(let value, "!!str") = node { return value }
    return NeatYAML.value(node).trimmingTrailingNewlines()
  }
}
