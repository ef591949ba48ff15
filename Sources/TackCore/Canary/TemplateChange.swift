import TackBase
import TackJSON

/// When a workload's pod template last changed, read from `metadata.managedFields`: the latest
/// `time` of an entry whose `fieldsV1` owns something under `f:spec` → `f:template`. A
/// `kubectl set image`, a Flux apply or `kubectl rollout restart` all move it; Flagger scaling the
/// target (`f:spec` → `f:replicas`) does not.
public enum TemplateChange {
  public static func lastChange(of workload: JSON) -> RFC3339Time? {
    var latest: RFC3339Time?
    for entry in workload[path: "metadata", "managedFields"]?.arrayValue ?? [] {
      guard entry["subresource"]?.stringValue ?? "" == "",
        let template = entry[path: "fieldsV1", "f:spec", "f:template"], template.objectValue != nil,
        let time = entry["time"]?.stringValue.flatMap(RFC3339Time.init)
      else { continue }
      if latest.map({ time > $0 }) ?? true { latest = time }
    }
    return latest
  }
}
