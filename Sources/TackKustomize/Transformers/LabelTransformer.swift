import TackJSON

/// `labels`, `commonLabels` and `commonAnnotations`: sets each pair in every map the field specs
/// reach (metadata always; pod templates and selectors depending on the entry).
struct LabelTransformer {
  let pairs: [(key: String, value: String)]
  let specs: [FieldSpec]
  let field: String
  let file: String

  static func forLabels(_ entry: LabelEntry, file: String) -> LabelTransformer {
    var specs = entry.fields
    if entry.includeSelectors {
      specs = DefaultFieldSpecs.merge(specs, DefaultFieldSpecs.commonLabels)
    } else {
      if entry.includeTemplates { specs = DefaultFieldSpecs.merge(specs, DefaultFieldSpecs.templateLabels) }
      specs = DefaultFieldSpecs.merge(specs, [FieldSpec(path: "metadata/labels", create: true)])
    }
    return LabelTransformer(pairs: entry.pairs, specs: specs, field: "labels", file: file)
  }

  static func forCommonLabels(_ pairs: [(key: String, value: String)], file: String) -> LabelTransformer {
    LabelTransformer(pairs: pairs, specs: DefaultFieldSpecs.commonLabels, field: "commonLabels", file: file)
  }

  static func forCommonAnnotations(_ pairs: [(key: String, value: String)], file: String) -> LabelTransformer {
    LabelTransformer(pairs: pairs, specs: DefaultFieldSpecs.commonAnnotations, field: "commonAnnotations", file: file)
  }

  func apply(to list: inout ResourceList) throws(KustomizeError) {
    guard !pairs.isEmpty else { return }
    let values = pairs.map { (key: $0.key, value: JSON.string($0.value)) }
    try list.update { (items: inout [Resource]) throws(KustomizeError) in
      for index in items.indices where !items[index].object.isEmpty {
        for spec in specs {
          do throws(FieldSpecError) {
            try FieldSpecWalker.apply(spec, to: &items[index].object, leaf: .object([:])) { (node: inout JSON) throws(FieldSpecError) in
              switch node {
              case .object(var map):
                node = .null
                for pair in values { map[pair.key] = pair.value }
                node = .object(map)
              case .null:
                return
              default:
                throw FieldSpecError(message: "wrong node kind: expected MappingNode but got \(Self.kindName(node))")
              }
            }
          } catch {
            throw .transformer(
              file: file, field: field,
              reason: "considering field '\(spec.path)' of object \(items[index].currentID): \(error.message)")
          }
        }
      }
    }
  }

  static func kindName(_ node: JSON) -> String {
    switch node {
    case .array: return "SequenceNode"
    case .object: return "MappingNode"
    default: return "ScalarNode"
    }
  }
}
