import ArgumentParser
import TackCore

/// `-o/--output` values shared by the commands that print objects.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table
  case wide
  case json
  case yaml
  case jsonl
  case name

  public var getFormat: GetOutputFormat {
    switch self {
    case .table: .table
    case .wide: .wide
    case .json: .json
    case .yaml: .yaml
    case .jsonl: .jsonl
    case .name: .name
    }
  }
}

/// The output flags of `tack get`: kubectl's `-o` and `--show-managed-fields`, flux's `--no-header`.
public struct GetOutputOptions: ParsableArguments, Sendable {
  @Option(
    name: [.short, .long],
    help: "Output format: table (flux's, the default), wide, json, yaml (a kubectl List), jsonl (one typed object per row), name.")
  public var output: OutputFormat = .table

  @Flag(help: "Skip the header when printing the results.")
  public var noHeader = false

  @Flag(help: "With -o json|yaml, keep metadata.managedFields (dropped by default, as kubectl does).")
  public var showManagedFields = false

  public init() {}
}
