import TackBase
import TackJSON

/// One cluster of a fleet (`--contexts`, `--all-contexts`): the kubeconfig context's name and its
/// connection, or why that connection could not even be built (then it is reported unreachable).
public struct FleetMember: Sendable {
  public var name: String
  public var cluster: Result<any Cluster, CommandError>

  public init(name: String, cluster: Result<any Cluster, CommandError>) {
    self.name = name
    self.cluster = cluster
  }
}

/// What one fleet member answered: a value, or the one line saying why it could not.
public struct FleetAnswer<Value: Sendable>: Sendable {
  public var context: String
  public var result: Result<Value, CommandError>
}

public enum Fleet {
  /// Runs `body` against every member at once and returns the answers in the members' order, so
  /// output does not depend on which cluster answered first. A member that fails (or never had a
  /// connection) does not hold up or cancel the others.
  public static func query<Value: Sendable>(
    _ members: [FleetMember], _ body: @escaping @Sendable (any Cluster) async throws -> Value
  ) async -> [FleetAnswer<Value>] {
    await withTaskGroup(of: (Int, Result<Value, CommandError>).self) { group in
      for (index, member) in members.enumerated() {
        group.addTask {
          switch member.cluster {
          case .failure(let error): return (index, .failure(error))
          case .success(let cluster):
            do {
              return (index, .success(try await body(cluster)))
            } catch {
              return (index, .failure(CommandError(errorText(error))))
            }
          }
        }
      }
      var results = [Result<Value, CommandError>?](repeating: nil, count: members.count)
      for await (index, result) in group { results[index] = result }
      return zip(members, results).map { member, result in
        FleetAnswer(context: member.name, result: result ?? .failure(CommandError("no answer")))
      }
    }
  }

  /// An error as one line: a `TackError`'s own words, anything else as Swift describes it.
  public static func errorText(_ error: any Error) -> String {
    let text = (error as? any TackError)?.description ?? "\(error)"
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  /// The field naming the context an item came from in a fleet's JSON and YAML output.
  public static let contextField = "context"

  /// `object` with a top-level `context` first: a field no Kubernetes object has, so it cannot be
  /// mistaken for something the server sent (an annotation could).
  public static func tagged(_ object: JSON, context: String) -> JSON {
    guard case .object(let root) = object else { return object }
    var fixed = JSONObject()
    fixed.appendUnchecked(contextField, .string(context))
    for member in root where member.key != contextField { fixed.appendUnchecked(member.key, member.value) }
    return .object(fixed)
  }
}
