import Foundation
import TackBase
import TackJSON

/// A CRD version's `openAPIV3Schema`, parsed once when the CRD is stored.
///
/// Holds what validation, defaulting and pruning read. `x-kubernetes-validations` (CEL rules) are
/// kept but not evaluated: the test server skips CEL (no CEL interpreter here), so an object only
/// CEL would reject is accepted.
public final class Schema: Sendable {
  public let type: String?
  public let format: String?
  public let properties: [(String, Schema)]
  let propertyIndex: [String: Schema]
  /// `additionalProperties` as a schema (`true` becomes an empty schema).
  public let additionalProperties: Schema?
  public let items: Schema?
  public let required: [String]
  public let enumValues: [JSON]?
  public let pattern: String?
  nonisolated(unsafe) let regex: NSRegularExpression?
  public let minimum: Double?
  public let maximum: Double?
  public let exclusiveMinimum: Bool
  public let exclusiveMaximum: Bool
  public let minLength: Int?
  public let maxLength: Int?
  public let minItems: Int?
  public let maxItems: Int?
  public let minProperties: Int?
  public let maxProperties: Int?
  public let uniqueItems: Bool
  public let defaultValue: JSON?
  public let nullable: Bool
  public let intOrString: Bool
  public let preserveUnknownFields: Bool
  public let embeddedResource: Bool
  public let listType: String?
  public let listMapKeys: [String]
  public let mapType: String?
  public let anyOf: [Schema]
  public let oneOf: [Schema]
  public let allOf: [Schema]
  public let not: Schema?
  /// Whether any `default` sits at or below this schema (defaulting skips subtrees without one).
  let hasDefaults: Bool

  public init(_ json: JSON) {
    let o = json.objectValue ?? [:]
    type = o["type"]?.stringValue
    format = o["format"]?.stringValue
    var props: [(String, Schema)] = []
    for member in o["properties"]?.objectValue ?? [:] { props.append((member.key, Schema(member.value))) }
    properties = props
    propertyIndex = Dictionary(props, uniquingKeysWith: { a, _ in a })
    switch o["additionalProperties"] {
    case .bool(true)?: additionalProperties = Schema(.object([:]))
    case .object(let inner)?: additionalProperties = Schema(.object(inner))
    default: additionalProperties = nil
    }
    items = o["items"].map { Schema($0) }
    required = o["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
    enumValues = o["enum"]?.arrayValue
    pattern = o["pattern"]?.stringValue
    regex = pattern.flatMap { try? NSRegularExpression(pattern: $0) }
    minimum = o["minimum"]?.doubleValue
    maximum = o["maximum"]?.doubleValue
    exclusiveMinimum = o["exclusiveMinimum"]?.boolValue ?? false
    exclusiveMaximum = o["exclusiveMaximum"]?.boolValue ?? false
    minLength = o["minLength"]?.intValue
    maxLength = o["maxLength"]?.intValue
    minItems = o["minItems"]?.intValue
    maxItems = o["maxItems"]?.intValue
    minProperties = o["minProperties"]?.intValue
    maxProperties = o["maxProperties"]?.intValue
    uniqueItems = o["uniqueItems"]?.boolValue ?? false
    defaultValue = o["default"]
    nullable = o["nullable"]?.boolValue ?? false
    intOrString = o["x-kubernetes-int-or-string"]?.boolValue ?? false
    preserveUnknownFields = o["x-kubernetes-preserve-unknown-fields"]?.boolValue ?? false
    embeddedResource = o["x-kubernetes-embedded-resource"]?.boolValue ?? false
    listType = o["x-kubernetes-list-type"]?.stringValue
    listMapKeys = o["x-kubernetes-list-map-keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
    mapType = o["x-kubernetes-map-type"]?.stringValue
    anyOf = o["anyOf"]?.arrayValue?.map { Schema($0) } ?? []
    oneOf = o["oneOf"]?.arrayValue?.map { Schema($0) } ?? []
    allOf = o["allOf"]?.arrayValue?.map { Schema($0) } ?? []
    not = o["not"].map { Schema($0) }
    hasDefaults = props.contains { $0.1.defaultValue != nil || $0.1.hasDefaults }
      || (additionalProperties?.hasDefaults ?? false) || (additionalProperties?.defaultValue != nil)
      || (items?.hasDefaults ?? false) || (items?.defaultValue != nil)
  }

  public func property(_ name: String) -> Schema? { propertyIndex[name] }

  /// The schema of a map value or object member `name`.
  func child(_ name: String) -> Schema? { propertyIndex[name] ?? additionalProperties }
}

/// The metadata fields a custom resource keeps (everything else under `metadata` is pruned).
let objectMetaFields: Set<String> = [
  "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
  "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
  "ownerReferences", "finalizers", "managedFields",
]

// MARK: - defaulting and pruning

extension Schema {
  /// Applies `default`s for absent members (and drops nulls where a default applies), recursively,
  /// as the apiextensions-apiserver structural defaulting does.
  func applyDefaults(_ value: inout JSON) {
    guard hasDefaults else { return }
    switch value {
    case .object(var object):
      value = .null  // drop the second reference, so the edits below happen in place
      for (name, schema) in properties {
        if let defaultValue = schema.defaultValue {
          if object[name] == nil || (object[name]?.isNull == true && !schema.nullable) {
            object[name] = defaultValue
          }
        }
      }
      var members = object.members
      object = JSONObject()
      for index in members.indices {
        guard let schema = child(members[index].key), schema.hasDefaults else { continue }
        schema.applyDefaults(&members[index].value)
      }
      value = .object(JSONObject(members))
    case .array(var items):
      if let itemSchema = self.items, itemSchema.hasDefaults {
        value = .null
        for i in items.indices { itemSchema.applyDefaults(&items[i]) }
        value = .array(items)
      }
    default: break
    }
  }

  /// Removes members the schema does not declare; returns their paths (for `unknown field` warnings).
  /// `isRoot` keeps `apiVersion`, `kind` and ObjectMeta fields as the real server does.
  func prune(_ value: inout JSON, path: String, isRoot: Bool, unknown: inout [String]) {
    // Most objects have nothing to prune: check first, without building paths or copies.
    guard hasUnknownFields(value, isRoot: isRoot) else { return }
    switch value {
    case .object(var object):
      if preserveUnknownFields && properties.isEmpty && additionalProperties == nil { return }
      var kept = JSONObject()
      for member in object {
        let childPath = path.isEmpty ? member.key : "\(path).\(member.key)"
        if isRoot || embeddedResource, member.key == "apiVersion" || member.key == "kind" {
          kept.appendUnchecked(member.key, member.value)
          continue
        }
        if isRoot || embeddedResource, member.key == "metadata" {
          var metadata = member.value
          if case .object(let metaObject) = metadata {
            var keptMeta = JSONObject()
            for field in metaObject {
              if objectMetaFields.contains(field.key) {
                keptMeta.appendUnchecked(field.key, field.value)
              } else {
                unknown.append("\(childPath).\(field.key)")
              }
            }
            metadata = .object(keptMeta)
          }
          kept.appendUnchecked(member.key, metadata)
          continue
        }
        if let schema = property(member.key) ?? additionalProperties {
          var child = member.value
          schema.prune(&child, path: childPath, isRoot: false, unknown: &unknown)
          kept.appendUnchecked(member.key, child)
        } else if preserveUnknownFields {
          kept.appendUnchecked(member.key, member.value)
        } else {
          unknown.append(childPath)
        }
      }
      object = kept
      value = .object(object)
    case .array(var items):
      guard let itemSchema = self.items else { return }
      for i in items.indices {
        itemSchema.prune(&items[i], path: "\(path)[\(i)]", isRoot: false, unknown: &unknown)
      }
      value = .array(items)
    default: break
    }
  }
}

extension Schema {
  /// Whether ``prune(_:path:isRoot:unknown:)`` would remove anything from `value`.
  func hasUnknownFields(_ value: JSON, isRoot: Bool) -> Bool {
    switch value {
    case .object(let object):
      if preserveUnknownFields && properties.isEmpty && additionalProperties == nil { return false }
      for member in object {
        if isRoot || embeddedResource {
          if member.key == "apiVersion" || member.key == "kind" { continue }
          if member.key == "metadata" {
            if let metadata = member.value.objectValue, metadata.contains(where: { !objectMetaFields.contains($0.key) }) {
              return true
            }
            continue
          }
        }
        if let schema = property(member.key) ?? additionalProperties {
          if schema.hasUnknownFields(member.value, isRoot: false) { return true }
        } else if !preserveUnknownFields {
          return true
        }
      }
      return false
    case .array(let items):
      guard let itemSchema = self.items else { return false }
      return items.contains { itemSchema.hasUnknownFields($0, isRoot: false) }
    default:
      return false
    }
  }
}

// MARK: - validation

extension Schema {
  /// Validates `value` at `path` (e.g. `spec.url`), returning every violation (kube-openapi wording).
  public func validate(_ value: JSON, path: String) -> [FieldError] {
    var errors: [FieldError] = []
    validate(value, path: path, into: &errors)
    return errors
  }

  static func jsonType(_ value: JSON) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "boolean"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    case .number(let n):
      // Go decodes 1.0 as a float that kube-openapi still accepts as an integer.
      if !n.contains(where: { ".eE".contains($0) }) { return "integer" }
      if let d = Double(n), d.rounded() == d { return "integer" }
      return "number"
    }
  }

  func typeMatches(_ value: JSON) -> Bool {
    if intOrString {
      switch value {
      case .string: return true
      case .number: return Schema.jsonType(value) == "integer"
      default: return false
      }
    }
    guard let type else { return true }
    let actual = Schema.jsonType(value)
    switch type {
    case "number": return actual == "number" || actual == "integer"
    default: return actual == type
    }
  }

  func validate(_ value: JSON, path: String, into errors: inout [FieldError]) {
    let name = path.isEmpty ? "." : path
    if value.isNull {
      if nullable || (type == nil && !intOrString) { return }
      errors.append(
        FieldError(
          .typeInvalid, field: path, value: "\"null\"",
          detail: "\(name) in body must be of type \(intOrString ? "integer,string" : type ?? ""): \"null\""))
      return
    }
    if !typeMatches(value) {
      let expected = intOrString ? "integer,string" : type ?? ""
      errors.append(
        FieldError(
          .typeInvalid, field: path, value: FieldError.render(value),
          detail: "\(name) in body must be of type \(expected): \"\(Schema.jsonType(value))\""))
      return
    }
    if let enumValues, !enumValues.contains(value) {
      let supported = enumValues.map { $0.stringValue.map(FieldError.goQuote) ?? FieldError.goQuote($0.serialized()) }
      errors.append(
        FieldError(
          .notSupported, field: path, value: FieldError.render(value),
          detail: "supported values: " + supported.joined(separator: ", ")))
    }
    switch value {
    case .string(let text): validateString(text, path: path, name: name, into: &errors)
    case .number(let text):
      if let number = Double(text) { validateNumber(number, text: text, path: path, name: name, into: &errors) }
    case .array(let items): validateArray(items, path: path, name: name, into: &errors)
    case .object(let object): validateObject(object, path: path, name: name, into: &errors)
    default: break
    }
    validateComposition(value, path: path, name: name, into: &errors)
  }

  func validateString(_ text: String, path: String, name: String, into errors: inout [FieldError]) {
    let length = text.unicodeScalars.count
    if let maxLength, length > maxLength {
      errors.append(
        FieldError(
          .tooLong, field: path, value: FieldError.render(.string(text)),
          detail: "may not be more than \(maxLength) \(maxLength == 1 ? "byte" : "bytes")"))
    }
    if let minLength, length < minLength {
      errors.append(
        FieldError(
          .invalid, field: path, value: FieldError.render(.string(text)),
          detail: "\(name) in body should be at least \(minLength) chars long"))
    }
    if let regex, let pattern {
      let range = NSRange(text.startIndex..., in: text)
      if regex.firstMatch(in: text, range: range) == nil {
        errors.append(
          FieldError(
            .invalid, field: path, value: FieldError.render(.string(text)),
            detail: "\(name) in body should match '\(pattern)'"))
      }
    }
    if let format, !intOrString, !FormatChecker.isValid(text, format: format) {
      errors.append(
        FieldError(
          .typeInvalid, field: path, value: FieldError.render(.string(text)),
          detail: "\(name) in body must be of type \(format): \(FieldError.goQuote(text))"))
    }
  }

  func validateNumber(_ number: Double, text: String, path: String, name: String, into errors: inout [FieldError]) {
    func show(_ bound: Double) -> String {
      bound.rounded() == bound && abs(bound) < 1e15 ? String(Int64(bound)) : String(bound)
    }
    if let minimum {
      if exclusiveMinimum ? number <= minimum : number < minimum {
        errors.append(
          FieldError(
            .invalid, field: path, value: text,
            detail: "\(name) in body should be greater than \(exclusiveMinimum ? "" : "or equal to ")\(show(minimum))"))
      }
    }
    if let maximum {
      if exclusiveMaximum ? number >= maximum : number > maximum {
        errors.append(
          FieldError(
            .invalid, field: path, value: text,
            detail: "\(name) in body should be less than \(exclusiveMaximum ? "" : "or equal to ")\(show(maximum))"))
      }
    }
  }

  func validateArray(_ items: [JSON], path: String, name: String, into errors: inout [FieldError]) {
    if let maxItems, items.count > maxItems {
      errors.append(
        FieldError(.tooMany, field: path, value: String(items.count), detail: "must have at most \(maxItems) items"))
    }
    if let minItems, items.count < minItems {
      errors.append(
        FieldError(
          .invalid, field: path, value: FieldError.render(.array(items)),
          detail: "\(name) in body should have at least \(minItems) items"))
    }
    if let itemSchema = self.items {
      for (i, item) in items.enumerated() { itemSchema.validate(item, path: "\(path)[\(i)]", into: &errors) }
    }
    // x-kubernetes-list-type: set and map forbid duplicates (uniqueItems is not allowed in CRDs).
    if listType == "set" || uniqueItems {
      var seen: [JSON] = []
      for (i, item) in items.enumerated() {
        if seen.contains(item) {
          errors.append(FieldError(.duplicate, field: "\(path)[\(i)]", value: FieldError.render(item)))
        } else {
          seen.append(item)
        }
      }
    } else if listType == "map", !listMapKeys.isEmpty {
      var seen: [[JSON?]] = []
      for (i, item) in items.enumerated() {
        let key = listMapKeys.map { item[$0] }
        if seen.contains(key) {
          var keyObject = JSONObject()
          for (k, v) in zip(listMapKeys, key) { keyObject[k] = v ?? .null }
          errors.append(
            FieldError(.duplicate, field: "\(path)[\(i)]", value: FieldError.goValue(.object(keyObject))))
        } else {
          seen.append(key)
        }
      }
    }
  }

  func validateObject(_ object: JSONObject, path: String, name: String, into errors: inout [FieldError]) {
    for key in required where object[key] == nil {
      errors.append(FieldError(.required, field: path.isEmpty ? key : "\(path).\(key)"))
    }
    if let maxProperties, object.count > maxProperties {
      errors.append(
        FieldError(.tooMany, field: path, value: String(object.count), detail: "must have at most \(maxProperties) items"))
    }
    if let minProperties, object.count < minProperties {
      errors.append(
        FieldError(
          .invalid, field: path, value: FieldError.render(.object(object)),
          detail: "\(name) in body should have at least \(minProperties) properties"))
    }
    if embeddedResource {
      for key in ["apiVersion", "kind"] where (object[key]?.stringValue ?? "").isEmpty {
        errors.append(FieldError(.required, field: "\(path).\(key)", detail: "must not be empty"))
      }
    }
    for member in object {
      guard let schema = child(member.key) else { continue }
      let childPath = path.isEmpty ? member.key : "\(path).\(member.key)"
      schema.validate(member.value, path: childPath, into: &errors)
    }
  }

  func validateComposition(_ value: JSON, path: String, name: String, into errors: inout [FieldError]) {
    for schema in allOf { schema.validate(value, path: path, into: &errors) }
    if !anyOf.isEmpty, !anyOf.contains(where: { $0.validate(value, path: path).isEmpty }) {
      errors.append(
        FieldError(
          .invalid, field: path, value: FieldError.render(value),
          detail: "\(name) in body must validate at least one schema (anyOf)"))
    }
    if !oneOf.isEmpty, oneOf.filter({ $0.validate(value, path: path).isEmpty }).count != 1 {
      errors.append(
        FieldError(
          .invalid, field: path, value: FieldError.render(value),
          detail: "\(name) in body must validate one and only one schema (oneOf)"))
    }
    if let not, not.validate(value, path: path).isEmpty {
      errors.append(
        FieldError(
          .invalid, field: path, value: FieldError.render(value),
          detail: "\(name) in body should not be valid against schema"))
    }
  }
}

/// The string formats kube-apiserver checks in CRD schemas (others, such as `url` or `int32`, are
/// accepted as documentation only, as the real server does).
enum FormatChecker {
  static func isValid(_ text: String, format: String) -> Bool {
    switch format {
    case "date-time", "datetime": return RFC3339Time(text) != nil
    case "date":
      return text.count == 10 && RFC3339Time(text + "T00:00:00Z") != nil
    case "byte": return Data(base64Encoded: text) != nil
    case "uuid", "uuid3", "uuid4", "uuid5": return UUID(uuidString: text) != nil
    case "ipv4":
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil && ($0.count == 1 || $0.first != "0") }
    case "ipv6": return CertificateAuthority.ipBytes(text.contains(":") ? text : "x") != nil
    case "cidr":
      let parts = text.split(separator: "/")
      guard parts.count == 2, let bits = Int(parts[1]) else { return false }
      let address = String(parts[0])
      if address.contains(":") { return isValid(address, format: "ipv6") && (0...128).contains(bits) }
      return isValid(address, format: "ipv4") && (0...32).contains(bits)
    case "hostname":
      return !text.isEmpty && text.count <= 255
        && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
          !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
            && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    case "email":
      let parts = text.split(separator: "@", omittingEmptySubsequences: false)
      return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
    case "uri": return URL(string: text)?.scheme != nil
    default: return true
    }
  }
}
