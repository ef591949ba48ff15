internal import CYaml

/// The checks behind `GuardedYAMLParser`, made on libyaml's event stream before Yams composes a
/// node: composing alone is not safe, because Yams hashes mapping keys to find duplicates, and a
/// key that is an alias of a billion-laughs sequence hashes its whole expansion.
///
/// Every node is counted as a converter would meet it: an alias counts as many nodes as its
/// anchored node expands to (sizes are kept per anchor, added with saturation), and those nodes
/// count as aliased. A document is refused by go-yaml v3's rule (its numbers, not its code) as soon
/// as more than 100 of more than 1000 nodes are aliased at a share above what its size allows
/// (99 % up to 400 000 nodes, falling to 10 % at four million). Collections may nest `maxDepth`
/// deep, aliases expanded. Malformed input is left to Yams, which reports it with a position.
struct YAMLEventBudget {
  let maxDepth: Int

  /// One collection being read: its anchor, the nodes it expands to, and how many levels of
  /// collections it holds (itself included).
  private struct Frame {
    var anchor: String?
    var size = 1
    var height = 1
  }

  /// What an anchor stands for: its expanded node count and collection height.
  private struct Expansion {
    var size: Int
    var height: Int
  }

  func check(_ text: String) throws(YAMLLimitError) {
    var bytes = Array(text.utf8)
    if bytes.isEmpty { return }
    try bytes.withUnsafeMutableBufferPointer { (buffer) throws(YAMLLimitError) in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var document = DocumentCount(maxDepth: maxDepth)
      var event = yaml_event_t()
      while true {
        // A parse error: Yams will meet it too and report it properly.
        guard yaml_parser_parse(&parser, &event) == 1 else { return }
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return
        case YAML_DOCUMENT_START_EVENT:
          document = DocumentCount(maxDepth: maxDepth)
        case YAML_SCALAR_EVENT:
          try document.scalar(anchor: Self.string(event.data.scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
          try document.start(anchor: Self.string(event.data.sequence_start.anchor))
        case YAML_MAPPING_START_EVENT:
          try document.start(anchor: Self.string(event.data.mapping_start.anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          document.end()
        case YAML_ALIAS_EVENT:
          try document.alias(Self.string(event.data.alias.anchor))
        default:
          break
        }
      }
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }

  /// The counts of one document.
  private struct DocumentCount {
    let maxDepth: Int
    var stack: [Frame] = []
    var anchors: [String: Expansion] = [:]
    var nodes = 0
    var aliasedNodes = 0

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    mutating func scalar(anchor: String?) throws(YAMLLimitError) {
      if let anchor { anchors[anchor] = Expansion(size: 1, height: 0) }
      try add(Expansion(size: 1, height: 0), aliased: false)
    }

    mutating func start(anchor: String?) throws(YAMLLimitError) {
      guard stack.count < maxDepth else { throw YAMLLimitError(kind: .tooDeep(limit: maxDepth)) }
      nodes = Self.plus(nodes, 1)
      stack.append(Frame(anchor: anchor))
    }

    mutating func end() {
      guard let frame = stack.popLast() else { return }
      let expansion = Expansion(size: frame.size, height: frame.height)
      if let anchor = frame.anchor { anchors[anchor] = expansion }
      // The collection itself was counted at its start; the parent takes its size and height.
      addToParent(expansion)
    }

    mutating func alias(_ name: String?) throws(YAMLLimitError) {
      // An undefined alias is Yams' error to report.
      guard let name, let expansion = anchors[name] else { return }
      if stack.count + expansion.height > maxDepth { throw YAMLLimitError(kind: .tooDeep(limit: maxDepth)) }
      try add(expansion, aliased: true)
    }

    private mutating func add(_ expansion: Expansion, aliased: Bool) throws(YAMLLimitError) {
      nodes = Self.plus(nodes, expansion.size)
      if aliased {
        aliasedNodes = Self.plus(aliasedNodes, expansion.size)
        if aliasedNodes > 100, nodes > 1000, Double(aliasedNodes) / Double(nodes) > Self.allowedAliasShare(nodes) {
          throw YAMLLimitError(kind: .excessiveAliasing)
        }
      }
      addToParent(expansion)
    }

    private mutating func addToParent(_ expansion: Expansion) {
      guard !stack.isEmpty else { return }
      stack[stack.count - 1].size = Self.plus(stack[stack.count - 1].size, expansion.size)
      stack[stack.count - 1].height = max(stack[stack.count - 1].height, expansion.height + 1)
    }

    /// Counts only grow; past Int.max they stay there (TackBase's saturating helpers are out of
    /// this module's reach).
    static func plus(_ a: Int, _ b: Int) -> Int {
      let (sum, overflow) = a.addingReportingOverflow(b)
      return overflow ? .max : sum
    }

    /// The share of aliased nodes a document of `nodes` nodes may have.
    static func allowedAliasShare(_ nodes: Int) -> Double {
      let low = 400_000.0
      let high = 4_000_000.0
      let count = Double(nodes)
      if count <= low { return 0.99 }
      if count >= high { return 0.10 }
      return 0.99 - 0.89 * (count - low) / (high - low)
    }
  }
}
