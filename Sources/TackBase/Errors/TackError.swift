/// An error tack shows to a user. Library errors conform so the edge can render them once
/// (`✗ <description>` on stderr) and exit with the right code.
///
/// `description` is one line that names the input and, where possible, what to do about it. It must
/// never contain a secret value, token, key or password.
public protocol TackError: Error, CustomStringConvertible, Sendable {
  var exitStatus: ExitStatus { get }
}

extension TackError {
  public var exitStatus: ExitStatus { .failure }
}

/// A plain message with an exit status, for errors that need no type of their own.
public struct CommandError: TackError, Equatable {
  public var message: String
  public var exitStatus: ExitStatus
  public init(_ message: String, exitStatus: ExitStatus = .failure) {
    self.message = message
    self.exitStatus = exitStatus
  }
  public var description: String { message }
}

/// Several objects handled in one command, some of which failed. The per-object lines were already
/// printed; this carries the summary and the worst exit status.
public struct AggregateError: TackError, Equatable {
  public var message: String
  public var exitStatus: ExitStatus
  public init(_ message: String, exitStatus: ExitStatus) {
    self.message = message
    self.exitStatus = exitStatus
  }
  public var description: String { message }
}
