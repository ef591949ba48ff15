import TackBase
import TackJSON
import TackKustomize

/// Hides SOPS-encrypted Secret values in build output, as `flux build` does, so that nothing
/// encrypted (or decryptable by mistake) reaches a terminal or a CI log.
///
/// A Secret whose YAML carries SOPS metadata (`sops:` and `mac: ENC[`) loses the `sops` field and
/// every value: `data` values become base64 of `**SOPS**` (of `{"mask":"**SOPS**"}` for
/// `kubernetes.io/dockerconfigjson`), `stringData` values the plain mask. Without the metadata,
/// only single values that are themselves SOPS documents are replaced.
public enum SopsMask {
  public static let mask = "**SOPS**"
  /// base64 of `**SOPS**`.
  public static let encodedMask = Base64.encode(Array(mask.utf8))
  static let dockerConfigMask = #"{"mask":"**SOPS**"}"#

  /// The object with SOPS values masked; objects that are not Secrets come back unchanged.
  public static func apply(to object: JSON) throws(FluxBuildError) -> JSON {
    guard object["kind"]?.stringValue == "Secret", case .object(var secret) = object else { return object }
    let name = object[path: "metadata", "name"]?.stringValue ?? ""
    var data = stringMap(secret["data"])
    var stringData = stringMap(secret["stringData"])
    let text = KustomizeYAML.document(object)
    if text.contains("sops:") && text.contains("mac: ENC[") {
      secret["sops"] = nil
      let type = secret["type"]?.stringValue ?? "Opaque"
      let dockerConfig = type == "kubernetes.io/dockerconfigjson"
      for index in data.indices {
        data[index].1 = dockerConfig ? Base64.encode(Array(dockerConfigMask.utf8)) : encodedMask
      }
      for index in stringData.indices { stringData[index].1 = dockerConfig ? dockerConfigMask : mask }
    } else {
      for index in data.indices {
        guard let decoded = goDecode(data[index].1) else {
          throw .masking(secret: name, reason: "illegal base64 data in data.\(data[index].0)")
        }
        if Self.isSopsValue(String(decoding: decoded, as: UTF8.self)) { data[index].1 = encodedMask }
      }
      // flux writes the base64 form here too.
      for index in stringData.indices where Self.isSopsValue(stringData[index].1) { stringData[index].1 = encodedMask }
    }
    // The data map is always rewritten (an empty one disappears); stringData only when non-empty.
    secret["data"] = data.isEmpty ? nil : .object(JSONObject(data.map { JSONObject.Member(key: $0.0, value: .string($0.1)) }))
    if !stringData.isEmpty {
      secret["stringData"] = .object(JSONObject(stringData.map { JSONObject.Member(key: $0.0, value: .string($0.1)) }))
    }
    return .object(secret)
  }

  static func isSopsValue(_ text: String) -> Bool { text.contains("sops") && text.contains("ENC[") }

  /// A map's values as kyaml reads them: scalars as their text.
  private static func stringMap(_ value: JSON?) -> [(String, String)] {
    guard case .object(let object)? = value else { return [] }
    return object.map { member in
      switch member.value {
      case .string(let text): (member.key, text)
      case .number(let text): (member.key, text)
      case .bool(let flag): (member.key, flag ? "true" : "false")
      case .null: (member.key, "")
      default: (member.key, KustomizeYAML.document(member.value).trimmingTrailingNewlines())
      }
    }
  }

  /// Go's `base64.StdEncoding.DecodeString`: padding required, CR and LF skipped.
  static func goDecode(_ text: String) -> [UInt8]? {
    let cleaned = text.utf8.filter { $0 != 10 && $0 != 13 }
    guard cleaned.allSatisfy({ $0 != 32 && $0 != 9 }) else { return nil }
    return Base64.decode(bytes: cleaned, grammar: .lenient)
  }
}

extension String {
  func trimmingTrailingNewlines() -> String {
    var text = Substring(self)
    while text.hasSuffix("\n") { text = text.dropLast() }
    return String(text)
  }
}
