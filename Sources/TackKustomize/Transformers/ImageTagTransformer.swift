import TackJSON

/// `images:` — rewrites container images whose whole string is the entry's name (a regular
/// expression, inserted as written) optionally followed by a tag and a digest. Two passes, as in
/// kustomize: every `containers`/`initContainers` list at any depth (except in CRDs), then the
/// pod-spec field specs — which is why `tagSuffix` lands twice on workloads.
struct ImageTagTransformer {
  let image: ImageEntry
  let file: String

  func apply(to list: inout ResourceList) throws(KustomizeError) {
    let pattern: Regex<AnyRegexOutput>
    do {
      pattern = try Regex("^" + image.name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$")
    } catch {
      throw .transformer(file: file, field: "images", reason: "image name '\(image.name)' is not a valid regular expression")
    }
    let update = { (value: String) -> String? in
      guard (try? pattern.firstMatch(in: value)) != nil else { return nil }
      return Self.rewrite(value, with: image)
    }
    try list.update { (items: inout [Resource]) throws(KustomizeError) in
      for index in items.indices where items[index].kind != "CustomResourceDefinition" {
        var root = JSON.object(items[index].object)
        do throws(FieldSpecError) {
          try Self.walkContainers(&root, update: update)
        } catch {
          throw .transformer(file: file, field: "images", reason: "\(items[index].currentID): \(error.message)")
        }
        items[index].object = root.objectValue ?? JSONObject()
        for spec in DefaultFieldSpecs.images {
          var specNoCreate = spec
          specNoCreate.create = false
          do throws(FieldSpecError) {
            try FieldSpecWalker.apply(specNoCreate, to: &items[index].object, leaf: nil) { (node: inout JSON) throws(FieldSpecError) in
              guard case .string(let value) = node else {
                if case .null = node { return }
                throw FieldSpecError(message: "wrong node kind: expected ScalarNode")
              }
              if let rewritten = update(value) { node = .string(rewritten) }
            }
          } catch {
            throw .transformer(file: file, field: "images", reason: "\(items[index].currentID): \(error.message)")
          }
        }
      }
    }
  }

  /// Post-order walk: nested fields first, then a `containers`/`initContainers` sequence here.
  private static func walkContainers(_ node: inout JSON, update: (String) -> String?) throws(FieldSpecError) {
    switch node {
    case .object(var object):
      node = .null
      defer { node = .object(object) }
      for key in object.keys {
        guard var value = object[key] else { continue }
        object[key] = .null
        try walkContainers(&value, update: update)
        if key == "containers" || key == "initContainers", case .array(var elements) = value {
          for i in elements.indices {
            guard case .object(var container) = elements[i], let image = container["image"] else { continue }
            switch image {
            case .string(let text):
              if let rewritten = update(text) {
                container["image"] = .string(rewritten)
                elements[i] = .object(container)
              }
            case .null, .number, .bool:
              continue
            default:
              throw FieldSpecError(message: "wrong node kind: expected ScalarNode for image")
            }
          }
          value = .array(elements)
        }
        object[key] = value
      }
    case .array(var elements):
      node = .null
      defer { node = .array(elements) }
      for i in elements.indices { try walkContainers(&elements[i], update: update) }
    default:
      break
    }
  }

  /// Splits `value` into name, tag and digest (a registry port is never a tag) and applies the entry.
  static func rewrite(_ value: String, with image: ImageEntry) -> String {
    var (name, tag, digest) = split(value)
    if !image.newName.isEmpty { name = image.newName }
    if !image.newTag.isEmpty && !image.digest.isEmpty {
      tag = image.newTag
      digest = image.digest
    } else if !image.newTag.isEmpty {
      tag = image.newTag
      digest = ""
    } else if !image.digest.isEmpty {
      tag = ""
      digest = image.digest
    } else if !image.tagSuffix.isEmpty {
      tag += image.tagSuffix
      digest = ""
    }
    if !tag.isEmpty { name += ":" + tag }
    if !digest.isEmpty { name += "@" + digest }
    return name
  }

  static func split(_ value: String) -> (name: String, tag: String, digest: String) {
    let bytes = Array(value.utf8)
    var offset = 0
    if let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash > 0 { offset = slash }
    let search = bytes[offset...]
    let at = search.firstIndex(of: UInt8(ascii: "@"))
    let colon = search.firstIndex(of: UInt8(ascii: ":"))
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    switch (colon, at) {
    case (nil, nil):
      return (value, "", "")
    case (let c, let a?) where c == nil || a < c!:
      return (text(0..<a), "", text((a + 1)..<bytes.count))
    case (let c?, let a?):
      return (text(0..<c), text((c + 1)..<a), text((a + 1)..<bytes.count))
    case (let c?, nil):
      return (text(0..<c), text((c + 1)..<bytes.count), "")
    default:
      return (value, "", "")
    }
  }
}
