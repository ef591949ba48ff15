import TackBase
import TackJSON
import TackKustomize

/// `spec.postBuild` variable substitution, per object, as kustomize-controller and `flux build`
/// run it: the object is printed as YAML, `${…}` expressions are replaced in the text, and the
/// result is read back with YAML 1.1 rules (so `"${N}"` with `N=3` becomes the number 3).
///
/// Fetching `substituteFrom` ConfigMaps and Secrets is the caller's job: hand their data in, in
/// the order of `spec.postBuild.substituteFrom` (skip optional ones that do not exist).
public struct PostBuildSubstitution: Sendable {
  /// The label or annotation (value `disabled`) that opts an object out.
  public static let optOutKey = "kustomize.toolkit.fluxcd.io/substitute"

  /// The merged variables: references in order, later ones winning, then inline `substitute`;
  /// newlines removed from every value.
  public var variables: [String: String]
  /// `substituteStrategy: Always`: substitute even without variables, so defaults still apply.
  public var always: Bool
  /// `--strict-substitute`: a variable without a value or default is an error.
  public var strict: Bool

  public init(postBuild: FluxKustomization.PostBuild, referencedValues: [[String: String]] = [], strict: Bool) {
    var variables: [String: String] = [:]
    for values in referencedValues {
      for (key, value) in values { variables[key] = Self.withoutNewlines(value) }
    }
    for (key, value) in postBuild.substitute ?? [:] { variables[key] = Self.withoutNewlines(value) }
    self.variables = variables
    always = postBuild.substituteAlways
    self.strict = strict
  }

  /// A ConfigMap's `data` as variables.
  public static func values(ofConfigMap object: JSON) -> [String: String] {
    var values: [String: String] = [:]
    for member in object["data"]?.objectValue ?? [:] {
      if let text = member.value.stringValue { values[member.key] = text }
    }
    return values
  }

  /// A Secret's `data`, base64-decoded, as variables.
  public static func values(ofSecret object: JSON) -> [String: String] {
    var values: [String: String] = [:]
    for member in object["data"]?.objectValue ?? [:] {
      guard let text = member.value.stringValue, let bytes = Base64.decode(text, grammar: .lenient) else { continue }
      values[member.key] = String(decoding: bytes, as: UTF8.self)
    }
    return values
  }

  private static func withoutNewlines(_ value: String) -> String {
    value.contains("\n") ? value.split(separator: "\n", omittingEmptySubsequences: false).joined() : value
  }

  /// Whether substitution runs at all (variables exist or the strategy is `Always`).
  public var isActive: Bool { !variables.isEmpty || always }

  /// The object after substitution; unchanged when opted out or inactive.
  public func apply(to object: JSON) throws(FluxBuildError) -> JSON {
    let name = object[path: "metadata", "name"]?.stringValue ?? ""
    if Self.isOptedOut(object) || !isActive { return object }
    for key in variables.keys.sorted() where !Self.isValidName(key) {
      throw .substitution(
        object: name,
        reason: "envsubst error: '\(key)' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'")
    }
    let text = KustomizeYAML.document(object)
    let substituted: String
    do {
      substituted = try EnvSubst.evaluate(text, strict: strict) { variables[$0] }
    } catch {
      throw .substitution(object: name, reason: "envsubst error: variable substitution failed: \(error.message)")
    }
    let documents: [JSON?]
    do {
      documents = try KustomizeYAML.decodeYAML11(substituted, file: name)
    } catch {
      throw .substitution(object: name, reason: "envsubst error: YAMLToJSON: \(KustomizationGenerator.reason(error))")
    }
    guard let first = documents.first, let result = first, case .object = result else {
      throw .substitution(object: name, reason: "UnmarshalJSON: the substituted document is not an object")
    }
    return result
  }

  static func isOptedOut(_ object: JSON) -> Bool {
    object[path: "metadata", "labels", optOutKey]?.stringValue == "disabled"
      || object[path: "metadata", "annotations", optOutKey]?.stringValue == "disabled"
  }

  /// `^[_[:alpha:]][_[:alpha:][:digit:]]*$` (ASCII classes, as Go's regexp has them).
  static func isValidName(_ name: String) -> Bool {
    guard let first = name.utf8.first else { return false }
    func isAlpha(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    guard first == UInt8(ascii: "_") || isAlpha(first) else { return false }
    return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isAlpha($0) || ($0 >= 48 && $0 <= 57) }
  }
}
