/// The columns of each kind's table: flux's (flux-cli.md §2.2) by default, then for `-o wide` AGE
/// and, where the kind has them, SOURCE, SUSPENDED and LAST ATTEMPTED. Wide columns go before
/// READY/MESSAGE (or LAST TRANSITION) so the free-text column stays last, as in flux.
public enum GetLayout {
  public static func columns(for kind: FluxKind, _ options: GetTableOptions) -> [GetColumn] {
    let wide = options.wide
    var columns: [GetColumn]
    switch kind {
    case .gitRepository, .ociRepository, .bucket, .helmRepository:
      columns = [.name, .revision, .suspended] + age(wide) + [.ready, .message]
    case .helmChart:
      columns = [.name] + (wide ? [.source] : []) + [.revision, .suspended] + age(wide) + [.ready, .message]
    case .externalArtifact:
      columns = [.name, .revision, .source] + age(wide) + [.ready, .message]
    case .kustomization, .helmRelease:
      columns = [.name]
      if options.showSource || wide { columns.append(.source) }
      columns.append(.revision)
      if wide { columns.append(.lastAttemptedRevision) }
      columns += [.suspended] + age(wide) + [.ready, .message]
    case .alert, .receiver, .artifactGenerator:
      columns = [.name, .suspended] + age(wide) + [.ready, .message]
    case .alertProvider:
      columns = [.name] + age(wide) + [.ready, .message]
    case .imageRepository:
      columns = [.name, .lastScan, .suspended] + age(wide) + [.ready, .message]
    case .imagePolicy:
      columns = [.name] + (wide ? [.source] : []) + [.image, .tag] + age(wide) + [.ready, .message]
    case .imageUpdateAutomation:
      columns = [.name] + (wide ? [.source] : []) + [.lastRun, .suspended] + age(wide) + [.ready, .message]
    case .canary:
      columns = [.name, .status, .weight, .failed, .step] + (wide ? [.suspended, .age] : []) + [.lastTransition]
    case .metricTemplate:
      columns = [.name, .provider] + age(wide)
    case .flaggerAlertProvider:
      columns = [.name, .type] + age(wide)
    default:
      columns = [.name] + age(wide) + [.ready, .message]
    }
    if options.allNamespaces { columns.insert(.namespace, at: 0) }
    return columns
  }

  static func age(_ wide: Bool) -> [GetColumn] { wide ? [.age] : [] }

  public static func header(for kind: FluxKind, _ options: GetTableOptions) -> [String] {
    columns(for: kind, options).map(\.title)
  }
}
