import ArgumentParser
import TackBase
import TackCore

/// `tack create alert-provider NAME`.
struct CreateAlertProvider: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "alert-provider",
    abstract: "Create or update a notification Provider.",
    discussion: """
      Providers (v1beta3) have no status, so tack does not wait for them.

      Examples:
        tack create alert-provider slack --type=slack --channel=general --address=https://hooks.slack.com/services/T0/B0/X
        tack create alert-provider slack --type=slack --secret-ref=webhook-url --export
      """)

  @Argument(help: "Name of the Provider.") var name: String
  @Option(help: "Type of the provider (slack, msteams, github, generic, …).") var type = ""
  @Option(help: "Channel to send messages to.") var channel = ""
  @Option(help: "Bot username.") var username = ""
  @Option(help: "Webhook or API address.") var address = ""
  @Option(help: "Name of a Secret with the address, proxy or token.") var secretRef = ""
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = AlertProviderOptions()
    options.type = type
    options.channel = channel
    options.username = username
    options.address = address
    options.secretRef = secretRef
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}

/// `tack create alert NAME`.
struct CreateAlert: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "alert",
    abstract: "Create or update an Alert.",
    discussion: """
      Alerts (v1beta3) have no status, so tack does not wait for them.

      Examples:
        tack create alert podinfo --provider-ref=slack --event-severity=info \\
          --event-source=Kustomization/podinfo,GitRepository/podinfo.flux-system
      """)

  @Argument(help: "Name of the Alert.") var name: String
  @Option(help: "Name of the Provider to send events to.") var providerRef = ""
  @Option(help: ArgumentHelp("Severity of the events to send.", valueName: "info|error")) var eventSeverity = ""
  @Option(parsing: .singleValue, help: ArgumentHelp("Objects whose events are sent: <kind>/<name>[.<namespace>] (repeat or comma-separate).", valueName: "source"))
  var eventSource: [String] = []
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = AlertOptions()
    options.providerRef = providerRef
    options.eventSeverity = eventSeverity
    options.eventSources = eventSource
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}

/// `tack create receiver NAME`.
struct CreateReceiver: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "receiver",
    abstract: "Create or update a webhook Receiver.",
    discussion: """
      Once ready, the webhook path notification-controller serves the receiver at is printed.

      Examples:
        tack create receiver github --type=github --event=ping,push --secret-ref=webhook-token \\
          --resource=GitRepository/webapp,HelmRepository/charts
      """)

  @Argument(help: "Name of the Receiver.") var name: String
  @Option(help: ArgumentHelp("Type of the receiver.", valueName: ReceiverOptions.types.joined(separator: "|"))) var type = ""
  @Option(help: "Name of the Secret holding the webhook token.") var secretRef = ""
  @Option(parsing: .singleValue, help: ArgumentHelp("Events to accept (repeat or comma-separate).", valueName: "event"))
  var event: [String] = []
  @Option(parsing: .singleValue, help: ArgumentHelp("Objects to reconcile on an event: <kind>/<name> (repeat or comma-separate).", valueName: "resource"))
  var resource: [String] = []
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup var waitOption: CreateWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    var options = ReceiverOptions()
    options.type = type
    options.secretRef = secretRef
    options.events = event
    options.resources = resource
    try await CreateRun.run(name: name, common: common, wait: waitOption.wait, global: global, context: context) {
      try options.draft($0)
    }
  }
}
