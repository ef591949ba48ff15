/// What bootstrap committed (or, in a dry run, would commit): for `--dry-run` and `--no-push`
/// output, and for tests.
public struct BootstrapPlan: Sendable, Equatable {
  public struct FileChange: Sendable, Equatable {
    public enum Action: String, Sendable { case create, update, unchanged }
    public var path: String
    public var action: Action
    public var content: String
    public init(path: String, action: Action, content: String) {
      self.path = path
      self.action = action
      self.content = content
    }
  }

  public struct Commit: Sendable, Equatable {
    public var message: String
    public var files: [FileChange]
    /// The commit made (nil in a dry run).
    public var commit: String?
    public init(message: String, files: [FileChange], commit: String? = nil) {
      self.message = message
      self.files = files
      self.commit = commit
    }
    public var subject: String { String(message.prefix { $0 != "\n" }) }
  }

  public var branch: String
  public var commits: [Commit] = []

  public init(branch: String) { self.branch = branch }

  /// The plan for stdout: one block per commit listing its files; then the contents of every file
  /// written (large files only as a summary unless `fullContent`).
  public func render(fullContent: Bool, clusterNote: String?) -> String {
    var text = ""
    if commits.isEmpty {
      text += "# the repository is up to date: no commit\n"
    }
    for (index, commit) in commits.enumerated() {
      let id = commit.commit.map { " \($0)" } ?? ""
      text += "# commit \(index + 1) on branch \"\(branch)\"\(id): \(commit.subject)\n"
      for file in commit.files {
        text += "\(file.action.rawValue) \(file.path) (\(file.content.utf8.count) bytes)\n"
      }
    }
    if let clusterNote { text += "# cluster: \(clusterNote)\n" }
    for commit in commits {
      for file in commit.files {
        text += "\n--- \(file.path)\n"
        if fullContent || file.content.utf8.count <= Self.inlineLimit {
          text += file.content
          if !file.content.hasSuffix("\n") { text += "\n" }
        } else {
          let header = file.content.split(separator: "\n", omittingEmptySubsequences: false).prefix(4)
          text += header.joined(separator: "\n") + "\n"
          let documents = file.content.ranges(of: "\n---\n").count + 1
          text += "# … \(documents) objects, \(file.content.utf8.count) bytes (--verbose prints them all)\n"
        }
      }
    }
    return text
  }

  static let inlineLimit = 16 * 1024
}

/// UTC timestamps without Foundation's formatters.
enum UTCTimestamp {
  /// `20260807-165015`.
  static func compact(_ date: some DateConvertible) -> String {
    let seconds = Int64(date.secondsSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = civil(fromDays: days)
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)\(two(month))\(two(day))-\(two(secondOfDay / 3600))\(two(secondOfDay / 60 % 60))\(two(secondOfDay % 60))"
  }

  /// Howard Hinnant's days-to-civil algorithm.
  static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}

/// Anything that knows seconds since 1970 (Foundation's `Date`).
protocol DateConvertible { var secondsSince1970: Double { get } }
