import TackProviders

/// One `--team name[:permission]`. flux also grants the default to a team literally named
/// `name:permission` (a parsing slip that always fails); tack takes the pair as meant.
public struct TeamGrant: Sendable, Equatable {
  public var team: String
  public var permission: TeamPermission

  public init(team: String, permission: TeamPermission) {
    self.team = team
    self.permission = permission
  }

  public static func parse(_ text: String, default fallback: TeamPermission = .maintain) throws(BootstrapError) -> TeamGrant {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard (1...2).contains(parts.count), !parts[0].isEmpty else {
      throw .usage("--team \"\(text)\" must be NAME or NAME:PERMISSION")
    }
    guard parts.count == 2 else { return TeamGrant(team: parts[0], permission: fallback) }
    guard let permission = TeamPermission(rawValue: parts[1]) else {
      throw .usage(
        "invalid permission \"\(parts[1])\" for team \"\(parts[0])\": use one of \(TeamPermission.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return TeamGrant(team: parts[0], permission: permission)
  }
}
