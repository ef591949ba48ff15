/// The Git side of bootstrap: a local clone of the fleet repository's branch. The live
/// implementation wraps TackGit's `GitWorkspace`; tests may substitute a fake.
public protocol FleetRepository: Sendable {
  /// Absolute path of the clone's work tree.
  var workTreePath: String { get }
  /// The commit the branch points to in the clone (40 hex digits); nil for an empty repository.
  func head() async -> String?
  /// Stages every change in the work tree and commits it; nil (no commit) when nothing changed.
  func commit(message: String, author: CommitAuthor) async throws -> String?
  /// Pushes the branch, never forcing.
  func push() async throws -> PushOutcome
  /// Fetches the branch and resets the clone to the remote tip, dropping local commits.
  func resetToRemote() async throws
  /// `--no-push`: moves the local commits to a new branch `name` (checked out), leaving the
  /// cloned branch at the remote's tip.
  func moveCommits(toNewBranch name: String) async throws
}

/// What a push did.
public enum PushOutcome: Sendable, Equatable {
  case pushed
  /// The remote branch moved on since the clone; nothing was pushed.
  case nonFastForward
}

public struct CommitAuthor: Sendable, Equatable {
  public var name: String
  public var email: String
  public init(name: String, email: String) {
    self.name = name
    self.email = email
  }
}

/// Makes the clone. Separate from the repository so the engine decides when (and where) it happens.
public protocol FleetRepositoryCloner: Sendable {
  /// Clones the branch into `directory` (an empty repository is fine; a missing branch in a
  /// non-empty one is an error naming it).
  func clone(into directory: String) async throws -> any FleetRepository
}
