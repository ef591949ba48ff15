import TackJSON

/// `replicas:` — sets spec.replicas of the Deployments, ReplicationControllers, ReplicaSets and
/// StatefulSets whose current or earlier name is the entry's name; none at all is an error.
struct ReplicaCountTransformer {
  let replica: ReplicaEntry
  let file: String

  func apply(to list: inout ResourceList) throws(KustomizeError) {
    var found = false
    let value = JSON.int(replica.count)
    try list.update { (items: inout [Resource]) throws(KustomizeError) in
      for spec in DefaultFieldSpecs.replicas {
        for index in items.indices {
          let matches = items[index].allIDs.contains {
            $0.name == replica.name && $0.gvkSelected(group: spec.group, version: spec.version, kind: spec.kind)
          }
          guard matches else { continue }
          found = true
          do throws(FieldSpecError) {
            try FieldSpecWalker.apply(spec, to: &items[index].object, leaf: value) { (node: inout JSON) throws(FieldSpecError) in
              switch node {
              case .array, .object: throw FieldSpecError(message: "wrong node kind: expected ScalarNode")
              default: node = value
              }
            }
          } catch {
            throw .transformer(file: file, field: "replicas", reason: "\(items[index].currentID): \(error.message)")
          }
        }
      }
    }
    if !found {
      let gvks = DefaultFieldSpecs.replicas.map { "\($0.kind).[noVer].[noGrp]" }.joined(separator: " ")
      throw .transformer(
        file: file, field: "replicas",
        reason: "resource with name \(replica.name) does not match a config with the following GVK [\(gvks)]")
    }
  }
}
