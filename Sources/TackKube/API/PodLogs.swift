import TackBase
import TackHTTP

/// Which part of a container's log to read (`kubectl logs` flags).
public struct PodLogOptions: Sendable, Equatable {
  /// Required when the pod has more than one container.
  public var container: String?
  /// Keep the stream open and deliver new lines as the container writes them.
  public var follow: Bool
  /// Only the last lines.
  public var tailLines: Int?
  /// Only lines newer than this many seconds.
  public var sinceSeconds: Int?
  /// Only lines at or after this time (sent in whole seconds, as the apiserver forwards it anyway).
  public var sinceTime: RFC3339Time?
  /// Prefix each line with its RFC 3339 timestamp.
  public var timestamps: Bool
  /// The previous (terminated) instance of the container.
  public var previous: Bool

  public init(
    container: String? = nil, follow: Bool = false, tailLines: Int? = nil, sinceSeconds: Int? = nil,
    sinceTime: RFC3339Time? = nil, timestamps: Bool = false, previous: Bool = false
  ) {
    self.container = container
    self.follow = follow
    self.tailLines = tailLines
    self.sinceSeconds = sinceSeconds
    self.sinceTime = sinceTime
    self.timestamps = timestamps
    self.previous = previous
  }

  var queryItems: [(String, String)] {
    var items: [(String, String)] = []
    if let container { items.append(("container", container)) }
    if follow { items.append(("follow", "true")) }
    if let tailLines { items.append(("tailLines", String(tailLines))) }
    if let sinceSeconds { items.append(("sinceSeconds", String(sinceSeconds))) }
    if let sinceTime { items.append(("sinceTime", sinceTime.rfc3339)) }
    if timestamps { items.append(("timestamps", "true")) }
    if previous { items.append(("previous", "true")) }
    return items
  }
}

extension KubeClient {
  static let pods = APIResource(group: "", version: "v1", name: "pods", kind: "Pod", namespaced: true)

  /// A container's log, `GET /api/v1/namespaces/NS/pods/NAME/log`, streamed as the server sends it
  /// (like a watch, without the request deadline): the log so far, and with `follow` every new chunk
  /// until the container stops (the server ends the response) or the consumer cancels. An error
  /// status (no such pod, a container name needed) throws `KubeAPIError` before the first byte.
  public func podLogs(namespace: String, pod: String, options: PodLogOptions = PodLogOptions()) async throws
    -> ResponseBody
  {
    let path =
      Self.pods.path(namespace: namespace, name: pod, subresource: "log") + PathEscaping.queryString(options.queryItems)
    let response = try await executor.open(
      APIRequest(
        method: "GET", path: path, headers: [("Accept", "*/*")], safety: .idempotent, resource: "pods", name: pod))
    return response.body
  }
}
