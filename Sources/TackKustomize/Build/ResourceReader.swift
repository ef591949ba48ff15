import TackJSON

/// Turns a resource file into resources: every non-empty document, `…List` kinds replaced by their
/// items (appended after the file's other documents, as kustomize does), each checked for `kind`
/// and `metadata.name`.
enum ResourceReader {
  static func resources(_ text: String, file: String) throws(KustomizeError) -> [Resource] {
    let objects = try objects(text, file: file)
    return objects.map { Resource(object: $0, source: file) }
  }

  /// The validated objects of a YAML (or JSON) stream.
  static func objects(_ text: String, file: String) throws(KustomizeError) -> [JSONObject] {
    let documents: [JSON?]
    do {
      documents = try GoYAMLReader(flavour: .v3).documents(text)
    } catch {
      throw .malformedYAML(file: file, reason: error.message)
    }
    var queue: [JSONObject] = []
    for document in documents {
      guard let document else { continue }
      guard case .object(let object) = document else {
        throw .invalidResource(file: file, reason: "a document must be a mapping, found \(StrictObject.typeName(document))")
      }
      if object.isEmpty { continue }
      queue.append(object)
    }
    var result: [JSONObject] = []
    var index = 0
    while index < queue.count {
      let object = queue[index]
      index += 1
      try validate(object, file: file)
      let kind = object["kind"]?.stringValue ?? ""
      guard kind.hasSuffix("List"), let items = object["items"] else {
        result.append(object)
        continue
      }
      switch items {
      case .null:
        continue
      case .array(let elements):
        for element in elements {
          guard case .object(let item) = element else {
            throw .invalidResource(file: file, reason: "expected objects in \(kind)/items")
          }
          if !item.isEmpty { queue.append(item) }
        }
      default:
        throw .invalidResource(file: file, reason: "expected array in \(kind)/items, but found \(StrictObject.typeName(items))")
      }
    }
    return result
  }

  private static func validate(_ object: JSONObject, file: String) throws(KustomizeError) {
    let kind = object["kind"]?.stringValue ?? ""
    if kind.isEmpty {
      throw .invalidResource(file: file, reason: "missing kind in object")
    }
    if kind.hasSuffix("List") { return }
    let name = object["metadata"]?["name"]?.stringValue ?? ""
    if name.isEmpty {
      throw .invalidResource(file: file, reason: "missing metadata.name in object of kind \(kind)")
    }
  }
}
