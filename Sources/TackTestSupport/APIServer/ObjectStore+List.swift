import Foundation
import TackJSON

/// Lists, served as kube-apiserver serves them from etcd: pages in key order, and every page of a
/// paged list read at the resourceVersion of the first one (the `continue` token carries it), so
/// objects written between pages neither appear nor vanish. The store keeps only the latest object
/// per key, so an older revision is rebuilt from the bounded watch history: each key changed since
/// reads as it was before its first change. A revision the history no longer reaches answers 410,
/// as a compacted etcd does.
extension ObjectStore {
  static let expiredList = "The resourceVersion for the provided list is too old."
  static let expiredContinue =
    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."

  static func invalidListOptions(_ detail: String) -> APIError {
    APIError.invalid(kind: "ListOptions", group: "meta.k8s.io", name: "", causes: [
      FieldError(.forbidden, field: "resourceVersionMatch", detail: detail)
    ])
  }

  /// What revision a list reads, from its parameters (before looking at the store).
  enum ListRead {
    /// The latest state.
    case latest
    /// At least this revision (the latest state, unless the client is ahead of the server).
    case notOlderThan(UInt64)
    /// Exactly this revision (410 once compacted).
    case exact(UInt64)
    /// The snapshot a continue token names (a revision, or the latest for an inconsistent token).
    case continued(ContinueToken)
  }

  static func listRead(_ options: ListOptions) throws(APIError) -> ListRead {
    let rv = options.resourceVersion ?? ""
    let match = options.resourceVersionMatch ?? ""
    if let continueToken = options.continueToken, !continueToken.isEmpty {
      if !match.isEmpty { throw invalidListOptions("resourceVersionMatch is forbidden when continue is provided") }
      let token = try ContinueToken.decode(continueToken)
      if !rv.isEmpty && rv != "0" {
        throw APIError.badRequest("specifying resource version is not allowed when using continue")
      }
      return .continued(token)
    }
    if !match.isEmpty {
      if rv.isEmpty { throw invalidListOptions("resourceVersionMatch is forbidden unless resourceVersion is provided") }
      guard match == "Exact" || match == "NotOlderThan" else {
        throw APIError.invalid(kind: "ListOptions", group: "meta.k8s.io", name: "", causes: [
          FieldError(.notSupported, field: "resourceVersionMatch", value: FieldError.goQuote(match),
            detail: "supported values: \"Exact\", \"NotOlderThan\", \"\"")
        ])
      }
      if match == "Exact" && rv == "0" {
        throw invalidListOptions("resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"")
      }
    }
    if rv.isEmpty || rv == "0" { return .latest }
    guard let requested = UInt64(rv) else { throw APIError.badRequest("invalid resource version: \(rv)") }
    // Without a match, a paged list at a resourceVersion is the legacy exact read.
    if match == "Exact" || (match.isEmpty && (options.limit ?? 0) > 0) { return .exact(requested) }
    return .notOlderThan(requested)
  }

  func list(_ type: ResourceType, namespace: String?, options: ListOptions) throws(APIError) -> ListPage {
    try options.fieldSelector.check(for: type)
    let read = try ObjectStore.listRead(options)
    let namespaceFilter = type.namespaced ? namespace : nil
    let page = try state.withLock { state throws(APIError) -> ListPage in
      let current = state.revision - 1
      var revision = current
      var startKey: String?
      switch read {
      case .latest: break
      case .notOlderThan(let requested):
        if requested > current { throw APIError.tooLargeResourceVersion(requested: requested, current: current) }
      case .exact(let requested):
        if requested > current { throw APIError.tooLargeResourceVersion(requested: requested, current: current) }
        if requested < state.oldestResumableRevision { throw APIError.expired(ObjectStore.expiredList) }
        revision = requested
      case .continued(let token):
        startKey = token.start
        if token.revision > 0 {
          let requested = UInt64(token.revision)
          if requested < state.oldestResumableRevision {
            var error = APIError.expired(ObjectStore.expiredContinue)
            error.statusMetadata["continue"] = .string(ContinueToken(revision: -1, start: token.start).encoded)
            throw error
          }
          revision = min(requested, current)
        }
      }
      guard let bucket = state.buckets[type.storageKey] else {
        return ListPage(items: [], revision: revision)
      }
      var cursor = SnapshotCursor(
        state: state, bucket: bucket, storageKey: type.storageKey, revision: revision, current: current,
        namespace: namespaceFilter, start: startKey)
      let selecting = !options.labelSelector.isEmpty || !options.fieldSelector.isEmpty
      let limit = options.limit.flatMap { $0 > 0 ? $0 : nil } ?? Int.max
      var items: [StoredObject] = []
      items.reserveCapacity(min(limit, cursor.remainingUpperBound))
      var lastKey: String?
      while items.count < limit, let (key, object) = cursor.next() {
        lastKey = key
        if selecting {
          if !options.labelSelector.matches(object.object[path: "metadata", "labels"]?.objectValue) { continue }
          if !options.fieldSelector.matches(object.object, type: type) { continue }
        }
        items.append(object)
      }
      var token: String?
      var remaining: Int?
      if let lastKey, cursor.hasMore() {
        // Like etcd's token: the key after which the next page starts, and the page's revision.
        token = ContinueToken(revision: Int64(revision), start: lastKey + "\u{0}").encoded
        if !selecting { remaining = cursor.remainingCount() }
      }
      return ListPage(items: items, revision: revision, continueToken: token, remainingItemCount: remaining)
    }
    var presented = page
    if let first = page.items.first, first.object["apiVersion"]?.stringValue != type.apiVersion {
      presented.items = page.items.map { ObjectStore.present($0, as: type) }
    }
    return presented
  }
}

/// Walks one resource's keys in order as they were at `revision`, from a start key, within a
/// namespace. With no writes to the resource since `revision` it is a plain walk over the bucket.
struct SnapshotCursor {
  let bucket: Bucket
  var index: Int
  let end: Int
  /// Keys written since the revision, mapped to their object at the revision (nil: not there yet).
  let changes: [String: StoredObject?]
  /// Keys deleted since the revision that existed at it, sorted.
  let deleted: [String]
  var deletedIndex = 0

  init(state: StoreState, bucket: Bucket, storageKey: String, revision: UInt64, current: UInt64, namespace: String?,
    start: String?)
  {
    self.bucket = bucket
    let range = bucket.range(namespace: namespace)
    index = range.lowerBound
    if let start { index = max(index, bucket.lowerBound(start)) }
    end = max(index, range.upperBound)
    var changes: [String: StoredObject?] = [:]
    if revision < current {
      for entry in state.history[state.historyStart...].reversed() {
        if entry.revision <= revision { break }
        if entry.storageKey == storageKey { changes[entry.key] = .some(entry.previous) }
      }
    }
    self.changes = changes
    let low = start ?? ""
    deleted = changes.compactMap { key, object -> String? in
      guard object != nil, bucket.objects[key] == nil, key >= low else { return nil }
      if let namespace, !key.hasPrefix(namespace + "/") { return nil }
      return key
    }.sorted()
  }

  /// At least as many keys as remain (for reserving capacity).
  var remainingUpperBound: Int { end - index + deleted.count - deletedIndex }

  mutating func next() -> (String, StoredObject)? {
    while true {
      let bucketKey = index < end ? bucket.keys[index] : nil
      if deletedIndex < deleted.count, bucketKey.map({ deleted[deletedIndex] < $0 }) ?? true {
        let key = deleted[deletedIndex]
        deletedIndex += 1
        return (key, changes[key]!!)
      }
      guard let key = bucketKey else { return nil }
      index += 1
      if changes.isEmpty { return (key, bucket.objects[key]!) }
      if let change = changes[key] {
        guard let old = change else { continue }  // created after the revision
        return (key, old)
      }
      return (key, bucket.objects[key]!)
    }
  }

  func hasMore() -> Bool {
    var copy = self
    return copy.next() != nil
  }

  func remainingCount() -> Int {
    if changes.isEmpty { return end - index }
    var copy = self
    var count = 0
    while copy.next() != nil { count += 1 }
    return count
  }
}

/// The opaque `continue` token, as kube-apiserver encodes it: unpadded URL-safe base64 of
/// `{"v":"meta.k8s.io/v1","rv":<revision>,"start":"<key>\u0000"}`. A revision of -1 asks for the
/// rest of the list at the latest revision (what a 410 for an expired token offers).
struct ContinueToken: Sendable {
  var revision: Int64
  /// The first key to read (the last key of the previous page followed by NUL).
  var start: String

  var encoded: String {
    let json: JSON = ["v": "meta.k8s.io/v1", "rv": .int(Int(revision)), "start": .string(start)]
    var text = Data(json.serializedBytes()).base64EncodedString()
    while text.hasSuffix("=") { text.removeLast() }
    return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
  }

  static func invalid(_ reason: String) -> APIError {
    APIError.badRequest("invalid continue token: continue key is not valid: \(reason)")
  }

  static func decode(_ token: String) throws(APIError) -> ContinueToken {
    var standard = ""
    standard.reserveCapacity(token.utf8.count + 3)
    for (offset, byte) in token.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        standard.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: "-"): standard += "+"
      case UInt8(ascii: "_"): standard += "/"
      default: throw invalid("illegal base64 data at input byte \(offset)")
      }
    }
    if standard.utf8.count % 4 == 1 { throw invalid("illegal base64 data at input byte \(standard.utf8.count - 1)") }
    while standard.utf8.count % 4 != 0 { standard += "=" }
    guard let data = Data(base64Encoded: standard) else { throw invalid("illegal base64 data at input byte 0") }
    let json: JSON
    switch Result(catching: { () throws(JSONParseError) -> JSON in try JSON.parse(Array(data)) }) {
    case .success(let value): json = value
    case .failure(let error): throw invalid(error.reason)
    }
    let version = json["v"]?.stringValue ?? ""
    guard version == "meta.k8s.io/v1" else {
      throw invalid("server does not recognize this encoded version \(FieldError.goQuote(version))")
    }
    guard let rv = json["rv"]?.intValue, rv != 0 else {
      throw invalid("incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
    }
    guard let start = json["start"]?.stringValue, !start.isEmpty else {
      throw invalid("encoded start key empty (version meta.k8s.io/v1)")
    }
    return ContinueToken(revision: Int64(rv), start: start)
  }
}
