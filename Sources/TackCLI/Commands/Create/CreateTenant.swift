import ArgumentParser
import TackBase
import TackCore
import TackOutput

/// `tack create tenant NAME`.
struct CreateTenant: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: "tenant",
    abstract: "Create or update a tenant: namespaces, a service account and the role binding flux reconciles as.",
    discussion: """
      Before applying, tack prints what the tenant will be granted in each namespace. Nothing waits: \
      these objects have no controller status.

      Examples:
        tack create tenant dev-team --with-namespace=frontend --label=environment=dev
        tack create tenant dev-team --with-namespace=frontend,backend --cluster-role=edit --export
      """)

  @Argument(help: "Name of the tenant.") var name: String
  @Option(parsing: .singleValue, help: ArgumentHelp("Namespaces the tenant owns (repeat or comma-separate).", valueName: "namespace"))
  var withNamespace: [String] = []
  @Option(help: "The cluster role bound in each namespace.") var clusterRole = "cluster-admin"
  @Option(help: "The service account to create (default: the tenant's name).") var withServiceAccount = ""
  @Flag(help: "Do not create the namespaces (they exist already).") var skipNamespace = false
  @OptionGroup var common: CreateCommonOptions
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    if common.output != nil && !common.export { throw CreateError("-o/--output only applies with --export") }
    let plan = try TenantPlan(
      tenant: name, namespaces: withNamespace, clusterRole: clusterRole, serviceAccount: withServiceAccount,
      skipNamespace: skipNamespace, labels: try CreateInputs.labels(common.labels))
    if common.export {
      context.console.write(CreateExport.text(plan.manifests, format: common.output == .json ? .json : .yaml))
      return
    }
    if common.dryRun == .server { throw CreateError("--dry-run=server is not supported by create tenant; use --export") }
    let cluster = try context.cluster(global)
    let progress = ConsoleProgress(console: context.console)
    for line in plan.grantSummary { progress.generate(line) }
    try await TenantApplier(cluster: cluster, progress: progress).apply(plan)
  }
}
