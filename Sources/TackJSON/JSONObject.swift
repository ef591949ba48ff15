/// An ordered JSON object. Setting an existing key keeps its position; a new key goes last.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  public struct Member: Sendable, Hashable {
    public var key: String
    public var value: JSON
    public init(key: String, value: JSON) {
      self.key = key
      self.value = value
    }
  }

  public private(set) var members: [Member]

  public init() { members = [] }
  public init(_ members: [Member]) { self.members = members }
  public init(dictionaryLiteral elements: (String, JSON)...) {
    members = elements.map { Member(key: $0.0, value: $0.1) }
  }

  public var count: Int { members.count }
  public var isEmpty: Bool { members.isEmpty }
  public var keys: [String] { members.map(\.key) }

  public func index(forKey key: String) -> Int? {
    members.firstIndex { $0.key == key }
  }

  /// Reading returns the value; assigning `nil` removes the key.
  public subscript(key: String) -> JSON? {
    get {
      for member in members where member.key == key { return member.value }
      return nil
    }
    set {
      if let index = index(forKey: key) {
        if let newValue { members[index].value = newValue } else { members.remove(at: index) }
      } else if let newValue {
        members.append(Member(key: key, value: newValue))
      }
    }
  }

  /// Appends without looking for an existing key; only for builders that know keys are unique.
  public mutating func appendUnchecked(_ key: String, _ value: JSON) {
    members.append(Member(key: key, value: value))
  }

  public mutating func removeValue(forKey key: String) -> JSON? {
    guard let index = index(forKey: key) else { return nil }
    return members.remove(at: index).value
  }

  /// Members ordered by key, as Go's encoder writes maps (what kubectl prints).
  public var sortedMembers: [Member] { members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } }

  public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

  /// Equality ignores order: two objects with the same members are the same JSON.
  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.members.count == rhs.members.count else { return false }
    for member in lhs.members where rhs[member.key] != member.value { return false }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    // Order-independent: combine per-member hashes commutatively.
    var combined = 0
    for member in members {
      var h = Hasher()
      h.combine(member.key)
      h.combine(member.value)
      combined ^= h.finalize()
    }
    hasher.combine(members.count)
    hasher.combine(combined)
  }
}
