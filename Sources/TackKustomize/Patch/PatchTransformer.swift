import TackBase
import TackJSON

/// `patches`, `patchesStrategicMerge` and `patchesJson6902`.
struct PatchTransformer {
  let loader: DirectoryLoader
  let kustomizationFile: String

  private func fail(_ reason: String) -> KustomizeError { .patch(file: kustomizationFile, reason: reason) }

  private enum Parsed {
    case strategicMerge([JSONObject])
    case json(JSONPatch)
  }

  // MARK: patches

  func apply(_ entry: PatchEntry, field: String, to list: inout ResourceList, legacyJSON6902: Bool = false) throws(KustomizeError) {
    if legacyJSON6902 { return try applyLegacyJSON6902(entry, to: &list) }
    let patchText = entry.patch.trimmingGoSpace()
    let source: String
    let text: String
    switch (patchText.isEmpty, entry.path.isEmpty) {
    case (true, true): throw fail("must specify one of patch and path")
    case (false, false): throw fail("patch and path can't be set at the same time")
    case (false, true):
      text = patchText
      source = "[patch: \(GoQuote.quoted(patchText))]"
    case (true, false):
      let bytes = try loader.readFile(entry.path, field: field, kustomizationFile: kustomizationFile)
      text = String(decoding: bytes, as: UTF8.self)
      source = "[path: \(GoQuote.quoted(entry.path))]"
    }
    switch try parse(text, source: source) {
    case .strategicMerge(let patches):
      let allowNameChange = entry.options["allowNameChange"] ?? false
      let allowKindChange = entry.options["allowKindChange"] ?? false
      if let target = entry.target {
        guard patches.count <= 1 else {
          throw fail("Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field: \(source)")
        }
        guard let patch = patches.first else { return }
        let selection = try TargetSelection(target, file: kustomizationFile, field: field)
        let selected = Set(list.items.indices.filter { selection.selects(list.items[$0]) })
        try applyTargeted(patch, to: selected, in: &list, allowNameChange: allowNameChange, allowKindChange: allowKindChange)
      } else {
        for patch in patches {
          let index = try uniqueTarget(for: patch, in: &list)
          try list.update { (items: inout [Resource]) throws(KustomizeError) in
            try merge(patch, into: &items[index], allowNameChange: allowNameChange, allowKindChange: allowKindChange)
          }
          list.filter { !$0.object.isEmpty }
        }
      }
    case .json(let patch):
      guard let target = entry.target else { throw fail("must specify a target for JSON patch \(source)") }
      let selection = try TargetSelection(target, file: kustomizationFile, field: field)
      try applyJSON(patch, selection: selection, storePreviousID: true, to: &list)
    }
  }

  private func applyLegacyJSON6902(_ entry: PatchEntry, to list: inout ResourceList) throws(KustomizeError) {
    guard let target = entry.target, !target.name.isEmpty else { throw fail("patchesJson6902: must specify the target name") }
    var text = entry.patch
    if text.isEmpty && entry.path.isEmpty { throw fail("patchesJson6902: empty file path and empty jsonOp") }
    if !entry.path.isEmpty {
      if !text.isEmpty { throw fail("patchesJson6902: must specify a file path or jsonOp, not both") }
      text = String(decoding: try loader.readFile(entry.path, field: "patchesJson6902", kustomizationFile: kustomizationFile), as: UTF8.self)
      if text.isEmpty { throw fail("patchesJson6902: patch file '\(entry.path)' seems to be empty") }
    }
    let patch: JSONPatch
    do {
      patch = try JSONPatch(try Self.jsonPatchDocument(text))
    } catch {
      throw fail("patchesJson6902: decoding \(text): \(error)")
    }
    if patch.operations.isEmpty { throw fail("patchesJson6902: patch appears to be empty") }
    let selection = try TargetSelection(target, file: kustomizationFile, field: "patchesJson6902")
    try applyJSON(patch, selection: selection, storePreviousID: false, to: &list)
  }

  // MARK: patchesStrategicMerge

  func applyStrategicMergeList(_ entries: [String], to list: inout ResourceList) throws(KustomizeError) {
    var patches: [JSONObject] = []
    for entry in entries {
      // Each entry is tried as inline YAML first, then as a file.
      if let inline = try? ResourceReader.objects(entry, file: kustomizationFile), !inline.isEmpty {
        patches += inline
        continue
      }
      let bytes = try loader.readFile(entry, field: "patchesStrategicMerge", kustomizationFile: kustomizationFile)
      patches += try ResourceReader.objects(String(decoding: bytes, as: UTF8.self), file: loader.display(loader.resolve(entry)))
    }
    if patches.isEmpty { throw fail("patchesStrategicMerge: patch appears to be empty") }
    for patch in patches {
      let index = try uniqueTarget(for: patch, in: &list)
      try applyTargeted(patch, to: [index], in: &list, allowNameChange: false, allowKindChange: false)
    }
  }

  // MARK: parsing

  private func parse(_ text: String, source: String) throws(KustomizeError) -> Parsed {
    var strategic: [JSONObject]?
    var json: JSONPatch?
    do { strategic = try ResourceReader.objects(text, file: kustomizationFile) } catch {}
    if !text.isEmpty, let document = try? Self.jsonPatchDocument(text) { json = try? JSONPatch(document) }
    switch (strategic, json) {
    case (.some, .some): throw fail("illegally qualifies as both an SM and JSON patch: \(source)")
    case (nil, nil): throw fail("unable to parse SM or JSON patch from \(source)")
    case (let s?, nil): return .strategicMerge(s)
    case (nil, let j?): return .json(j)
    }
  }

  /// JSON text as is; anything else is YAML read with YAML 1.1 rules (`y` is true).
  static func jsonPatchDocument(_ text: String) throws -> JSON {
    if text.hasPrefix("[") { return try JSON.parse(text) }
    return try GoYAMLReader(flavour: .v2).single(text) ?? .null
  }

  // MARK: applying

  /// The one resource any of whose IDs is the patch's ID (apiVersion, kind, name, namespace).
  private func uniqueTarget(for patch: JSONObject, in list: inout ResourceList) throws(KustomizeError) -> Int {
    let id = Resource(object: patch, source: "").currentID
    let matches = list.indices(matchingAnyID: id)
    guard matches.count == 1 else {
      let what = matches.isEmpty ? "no matches for Id \(id)" : "multiple matches for Id \(id)"
      throw fail("no resource matches strategic merge patch \"\(id)\": \(what); failed to find unique target for patch \(id)")
    }
    return matches[0]
  }

  /// The targeted form (also used by patchesStrategicMerge): the patch takes each target's
  /// apiVersion, its labels and annotations become strings, and IDs must stay unique.
  private func applyTargeted(
    _ patch: JSONObject, to selected: Set<Int>, in list: inout ResourceList, allowNameChange: Bool, allowKindChange: Bool
  ) throws(KustomizeError) {
    guard !selected.isEmpty else { return }
    var base = Resource(object: patch, source: "")
    for field in ["labels", "annotations"] {
      let map = field == "labels" ? base.labels : base.annotations
      base.setMetadata(field, map.isEmpty ? JSON?.none : JSON.object(JSONObject(map.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .string($0.value)) })))
    }
    try list.update { (items: inout [Resource]) throws(KustomizeError) in
      for index in selected.sorted() {
        var copy = base.object
        copy["apiVersion"] = .string(items[index].apiVersion)
        try merge(copy, into: &items[index], allowNameChange: allowNameChange, allowKindChange: allowKindChange)
      }
    }
    let remaining = list.items.filter { !$0.object.isEmpty }
    var rebuilt = ResourceList()
    try rebuilt.append(contentsOf: remaining, file: kustomizationFile)
    list = rebuilt
  }

  /// kustomize's Resource.ApplySmPatch: merge, then restore kind, name and namespace unless the
  /// options allow the change. An empty result deletes the resource.
  private func merge(_ patch: JSONObject, into resource: inout Resource, allowNameChange: Bool, allowKindChange: Bool) throws(KustomizeError) {
    let name = resource.name
    let namespace = resource.namespace
    let kind = resource.kind
    if allowNameChange || allowKindChange { resource.storePreviousID() }
    let target = MergeNode(.object(resource.object))
    let merged: MergeNode?
    do {
      merged = try StrategicMerge.merge(patch: MergeNode(.object(patch)), into: target)
    } catch {
      throw fail("\(resource.currentID): \(error.message)")
    }
    guard let merged, case .object(let object) = merged.json, !object.isEmpty else {
      resource.object = JSONObject()
      return
    }
    resource.object = object
    if !allowKindChange { resource.object["kind"] = .string(kind) }
    if !allowNameChange { resource.setName(name) }
    resource.setNamespace(namespace)
  }

  private func applyJSON(_ patch: JSONPatch, selection: TargetSelection, storePreviousID: Bool, to list: inout ResourceList) throws(KustomizeError) {
    try list.update { (items: inout [Resource]) throws(KustomizeError) in
      for index in items.indices where selection.selects(items[index]) {
        if storePreviousID { items[index].storePreviousID() }
        var document = JSON.object(items[index].withInternalAnnotations())
        do throws(JSONPatch.PatchError) {
          try patch.apply(to: &document)
        } catch {
          throw fail("\(items[index].currentID): \(error.message)")
        }
        guard case .object(let object) = document else { throw fail("\(items[index].currentID): a JSON patch must leave an object") }
        items[index].object = Resource.withoutInternalAnnotations(Self.throughFloat64(object))
      }
    }
  }

  /// kustomize reads the patched JSON back through Go's float64: every number loses what a
  /// double cannot hold, and empty values become plain nulls.
  static func throughFloat64(_ object: JSONObject) -> JSONObject {
    func convert(_ value: JSON) -> JSON {
      switch value {
      case .number(let text):
        if text.isEmpty { return .null }
        guard let double = Double(text) else { return value }
        return .number(GoNumber.jsonText(double))
      case .array(let elements): return .array(elements.map(convert))
      case .object(let object):
        var result = JSONObject()
        for member in object { result.appendUnchecked(member.key, convert(member.value)) }
        return .object(result)
      default: return value
      }
    }
    return convert(.object(object)).objectValue ?? object
  }
}

extension String {
  /// Drops leading and trailing white space (Go's strings.TrimSpace).
  func trimmingGoSpace() -> String {
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      switch s.value {
      case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
      default: return s.properties.isWhitespace
      }
    }
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, isSpace(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, isSpace(last) { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
