import FuzzSupport
import TackBase
import TackCore
import TackJSON

// The table and row builders fed arbitrary objects, as a cluster could serve them: the input (JSON,
// else YAML) is read as one object, or as a list whose items are objects and events, and every kind's
// row, the `get` renderers, the canary list and the canary status report are built from it.
// None may trap, whatever types, numbers or sizes the fields hold.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = FuzzInput.text(data, size)
  guard let input = (try? JSON.parse(text)) ?? (try? JSON.parseYAML(text)) else { return 0 }
  let objects = input["items"]?.arrayValue ?? input.arrayValue ?? [input]
  let now = RFC3339Time(epochSeconds: 1_800_000_000)
  for options in [GetTableOptions(now: now), GetTableOptions(allNamespaces: true, showSource: true, wide: true, includeKind: true, now: now)] {
    for kind in FluxKind.catalog {
      let rows = objects.prefix(4).map { GetRowBuilder.row(for: kind, object: $0, options: options) }
      let columns = GetLayout.columns(for: kind, options)
      let values = rows.map { $0.values(for: columns) }
      _ = GetTableRenderer.render(header: GetLayout.header(for: kind, options), rows: values, showHeader: true)
      for row in rows { _ = JSONLinesRenderer.line(row) }
      for object in objects.prefix(4) {
        for selector in [
          StatusSelector(conditionType: "Ready", status: "True"), StatusSelector(conditionType: "ready", status: "false", negated: true),
        ] {
          _ = GetRowBuilder.matches(selector, kind: kind, object: object)
        }
        _ = ObjectListRenderer.typed(object, as: kind)
      }
    }
  }
  _ = CanaryListTable.render(objects)
  for canary in objects.prefix(4) {
    _ = CanaryListTable.row(canary, events: objects)
    let report = CanaryStatusReport(canary: canary, target: objects.last, primary: objects.first, events: objects)
    _ = CanaryStatusRenderer(colored: true, width: 80).render(report)
    _ = CanaryStatusRenderer().render(report)
    _ = report.progress.bar()
    _ = report.document.serialized(.documented)
  }
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
