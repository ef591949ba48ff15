import TackBase
import TackJSON

/// `create alert-provider`'s flags → a Provider (notification.toolkit.fluxcd.io/v1beta3).
public struct AlertProviderOptions: Sendable, Equatable {
  public var type = ""
  public var channel = ""
  public var username = ""
  public var address = ""
  public var secretRef = ""

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !type.isEmpty else { throw CreateError("--type: Provider type is required") }
    var spec = SpecFields()
    spec.require(.string(type), at: "type")
    spec.string(channel, at: "channel")
    spec.string(username, at: "username")
    spec.string(address, at: "address")
    spec.reference(secretRef, at: "secretRef")
    return target.draft(.alertProvider, spec)
  }
}

/// `create alert`'s flags → an Alert (notification.toolkit.fluxcd.io/v1beta3).
public struct AlertOptions: Sendable, Equatable {
  public var providerRef = ""
  public var eventSeverity = ""
  public var eventSources: [String] = []

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !providerRef.isEmpty else { throw CreateError("--provider-ref: provider ref is required") }
    var sources: [JSON] = []
    for text in CreateInputs.splitList(eventSources) {
      let (kind, name, namespace) = ObjectReferenceText.kindNameNamespace(text)
      guard !kind.isEmpty else {
        throw CreateError("--event-source: invalid event source '\(text)', must be in format <kind>/<name>")
      }
      var source: JSON = ["kind": .string(kind), "name": .string(name)]
      if !namespace.isEmpty { source["namespace"] = .string(namespace) }
      sources.append(source)
    }
    guard !sources.isEmpty else { throw CreateError("--event-source: at least one event source is required") }
    var spec = SpecFields()
    spec.require(["name": .string(providerRef)], at: "providerRef")
    spec.string(eventSeverity, at: "eventSeverity")
    spec.require(.array(sources), at: "eventSources")
    return target.draft(.alert, spec)
  }
}

/// `create receiver`'s flags → a Receiver (notification.toolkit.fluxcd.io/v1).
public struct ReceiverOptions: Sendable, Equatable {
  public static let types = [
    "generic", "generic-hmac", "github", "gitlab", "bitbucket", "harbor", "dockerhub", "quay", "gcr", "nexus", "acr",
    "cdevents",
  ]

  public var type = ""
  public var secretRef = ""
  public var events: [String] = []
  public var resources: [String] = []

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !type.isEmpty else { throw CreateError("--type: Receiver type is required") }
    try CreateInputs.oneOf(type, Self.types, flag: "--type", what: "receiver type")
    guard !secretRef.isEmpty else { throw CreateError("--secret-ref: secret ref is required") }
    var items: [JSON] = []
    for text in CreateInputs.splitList(resources) {
      let (kind, name) = ObjectReferenceText.kindName(text)
      guard !kind.isEmpty else {
        throw CreateError("--resource: invalid event source '\(text)', must be in format <kind>/<name>")
      }
      items.append(["kind": .string(kind), "name": .string(name)])
    }
    guard !items.isEmpty else { throw CreateError("--resource: at least one resource is required") }
    var spec = SpecFields()
    spec.require(.string(type), at: "type")
    spec.strings(CreateInputs.splitList(events), at: "events")
    spec.require(.array(items), at: "resources")
    spec.reference(secretRef, at: "secretRef")
    return target.draft(.receiver, spec)
  }
}
