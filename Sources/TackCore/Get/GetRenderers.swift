import TackJSON
import TackOutput

/// `-o` for `tack get`.
public enum GetOutputFormat: String, Sendable, Hashable, CaseIterable {
  /// flux's table (the default).
  case table
  /// The table plus AGE and, where they apply, SOURCE, SUSPENDED, LAST ATTEMPTED.
  case wide
  /// A kubectl-style `List` of the full objects.
  case json
  case yaml
  /// One typed JSON object per table row.
  case jsonl
  /// `kind.group/name` lines, as `kubectl get -o name`.
  case name

  public var isTable: Bool { self == .table || self == .wide }
}

/// A flux table as `tack get` prints it. With `--no-header` flux passes no header to its table
/// writer, so the widths come from the rows alone.
public enum GetTableRenderer {
  public static func render(header: [String], rows: [[String]], showHeader: Bool) -> String {
    let table = FluxTable(header: header, rows: rows)
    if showHeader { return table.render() }
    let widths = table.columnWidths(includingHeader: false)
    var text = ""
    for row in rows { text += FluxTable.renderRow(row, widths: widths) }
    return text
  }
}

/// `-o json|yaml`: a `List` as kubectl prints one (`apiVersion: v1`, `kind: List`, `items`, and
/// `metadata.resourceVersion: ""`), keys sorted, `metadata.managedFields` dropped unless asked for.
/// `jq '.items[].metadata.name'` written for kubectl works unchanged.
public enum ObjectListRenderer {
  public static func list(_ items: [JSON], showManagedFields: Bool) -> JSON {
    let cleaned = items.map { showManagedFields ? $0 : withoutManagedFields($0) }
    return [
      "apiVersion": "v1",
      "items": .array(cleaned),
      "kind": "List",
      "metadata": ["resourceVersion": ""],
    ]
  }

  public static func withoutManagedFields(_ object: JSON) -> JSON {
    guard case .object(var root) = object, case .object(var metadata)? = root["metadata"],
      metadata["managedFields"] != nil
    else { return object }
    _ = metadata.removeValue(forKey: "managedFields")
    root["metadata"] = .object(metadata)
    return .object(root)
  }

  /// kubectl's JSON printer: 4-space indent, sorted keys, a final newline.
  public static func json(_ items: [JSON], showManagedFields: Bool) -> String {
    list(items, showManagedFields: showManagedFields).serialized(.kubectl) + "\n"
  }

  /// One item of a streamed `-o json` List, byte-identical to the same item inside `json(_:)`: the
  /// List head comes before the first item, a `,` before the others. Finish with `jsonListTail`.
  public static func jsonItem(_ item: JSON, first: Bool, showManagedFields: Bool) -> String {
    let object = showManagedFields ? item : withoutManagedFields(item)
    var bytes: [UInt8] = Array((first ? "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" : ",\n").utf8)
    // Items sit two levels deep; JSON strings hold no raw newlines, so indenting lines is exact.
    let body = object.serializedBytes(.kubectl)
    bytes.reserveCapacity(bytes.count + body.count + body.count / 8)
    let indent = [UInt8](repeating: 0x20, count: 8)
    var lineStart = true
    for byte in body {
      if lineStart { bytes.append(contentsOf: indent) }
      bytes.append(byte)
      lineStart = byte == 0x0A
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Closes a List streamed with `jsonItem`.
  public static let jsonListTail =
    "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"

  public static func yaml(_ items: [JSON], showManagedFields: Bool) -> String {
    list(items, showManagedFields: showManagedFields).yaml(.kubectl)
  }

  /// Makes sure every item names its `apiVersion` and `kind`, as kubectl's printer does.
  public static func typed(_ object: JSON, as kind: FluxKind) -> JSON {
    guard case .object(var root) = object else { return object }
    if root["apiVersion"] == nil || root["kind"] == nil {
      var fixed = JSONObject()
      fixed.appendUnchecked("apiVersion", root["apiVersion"] ?? .string(kind.apiVersion))
      fixed.appendUnchecked("kind", root["kind"] ?? .string(kind.kind))
      for member in root where member.key != "apiVersion" && member.key != "kind" {
        fixed.appendUnchecked(member.key, member.value)
      }
      root = fixed
    }
    return .object(root)
  }
}

/// `-o jsonl`: one compact JSON object per row (see `GetRow.jsonLine`).
public enum JSONLinesRenderer {
  public static func line(_ row: GetRow) -> String { row.jsonLine.serialized(.compact) + "\n" }
}

/// `-o name`: `kustomization.kustomize.toolkit.fluxcd.io/podinfo`, as kubectl prints it.
public enum NameRenderer {
  public static func line(kind: FluxKind, name: String) -> String { "\(kind.nameQualifier)/\(name)\n" }
}
