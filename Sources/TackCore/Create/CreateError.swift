import TackBase

/// A `create` flag or argument that flux would reject, worded as flux words it and naming the
/// flag. Always a usage error (exit 64), raised before anything is sent to the cluster.
public struct CreateError: TackError, Equatable {
  public var message: String
  public var exitStatus: ExitStatus { .usage }

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
