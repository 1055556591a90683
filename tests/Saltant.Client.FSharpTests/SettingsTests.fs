namespace Saltant.Client.FSharpTests

open System
open System.Threading
open System.Threading.Tasks
open Xunit
open Saltant.Domain
open Saltant.Client
open Saltant.Client.FSharp
open Saltant.Emulator

/// SaltantSettings: settings from optional arguments and F# maps, as F# Results.
type SettingsTests() =
    [<Fact>]
    member _.``Omitted arguments take the defaults of Settings.Create, given ones are kept``() =
        match SaltantSettings.Create("https://saltant.example.org/api", Authentication.Token "abc") with
        | Error problems -> failwithf "%A" problems
        | Ok defaults ->
            Assert.Equal(Uri "https://saltant.example.org/api/", defaults.ApiRoot)
            Assert.Equal(SettingsDefaults.PageSize, defaults.PageSize)
            Assert.Equal(SettingsDefaults.Timeout, defaults.Timeout)
            Assert.Equal(SettingsDefaults.WaitRefreshPeriod, defaults.WaitRefreshPeriod)
            Assert.Equal(SettingsDefaults.CheckAuthentication, defaults.CheckAuthentication)

        match
            SaltantSettings.Create(
                "https://saltant.example.org/api/",
                Authentication.Login("alice", "secret"),
                timeout = TimeSpan.FromSeconds 9.0,
                checkAuthentication = false,
                pageSize = 7,
                waitRefreshPeriod = TimeSpan.FromMilliseconds 20.0,
                userAgent = "fs-tests/1")
        with
        | Error problems -> failwithf "%A" problems
        | Ok settings ->
            Assert.Equal(TimeSpan.FromSeconds 9.0, settings.Timeout)
            Assert.False settings.CheckAuthentication
            Assert.Equal(7, settings.PageSize)
            Assert.Equal(TimeSpan.FromMilliseconds 20.0, settings.WaitRefreshPeriod)
            Assert.Equal("fs-tests/1", settings.UserAgent)

    [<Fact>]
    member _.``Every problem comes back in an F# list, each naming its setting``() =
        match
            SaltantSettings.Create(
                "saltant.example.org/api/",
                Authentication.Token "  ",
                maxRetries = 99,
                pageSize = 0,
                timeout = TimeSpan.Zero)
        with
        | Ok settings -> failwithf "bad settings were accepted: %O" settings
        | Error problems ->
            Assert.Equal<string list>(
                [ "ApiRoot"; "Authentication.Key"; "Timeout"; "MaxRetries"; "PageSize" ],
                problems |> List.map (fun p -> p.Setting))
            let error = SaltantSettings.ToError problems
            Assert.Equal(problems.Length, error.Problems.Count)
            Assert.StartsWith("The saltant settings have 5 problems", error.Message)

    [<Fact>]
    member _.``Settings from an F# map read the SALTANT_ variables``() =
        let variables = Map [ "SALTANT_API_URL", "https://saltant.example.org/api/"; "SALTANT_AUTH_TOKEN", "abc"; "SALTANT_PAGE_SIZE", "12" ]
        match SaltantSettings.FromEnvironment variables with
        | Ok settings -> Assert.Equal(12, settings.PageSize)
        | Error problems -> failwithf "%A" problems
        match SaltantSettings.FromEnvironment(Map [ "SALTANT_AUTH_TOKEN", "abc" ]) with
        | Error problems -> Assert.Contains(problems, fun p -> p.Setting = "SALTANT_API_URL")
        | Ok settings -> failwithf "settings without a URL: %O" settings

    [<Fact>]
    member _.``Settings made here connect to the emulator``() : Task =
        task {
            use! emulator = SaltantEmulator.StartAsync()
            use guard = new CancellationTokenSource(TimeSpan.FromMinutes 5.0)
            let connected =
                aff {
                    let! settings = SaltantSettings.Create(emulator.ApiUrl.AbsoluteUri, Authentication.Token(emulator.User("bob").Token), pageSize = 3)
                    use! client = Client.connect settings
                    let! users = client.Users |> Users.list []
                    return client.Settings.PageSize, users |> List.map (fun u -> string u.Username) |> List.sort
                }
            match! connected |> Aff.runTask guard.Token with
            | Ok(pageSize, users) ->
                Assert.Equal(3, pageSize)
                Assert.Equal<string list>([ "admin"; "alice"; "bob" ], users)
            | Error error -> failwithf "%s" error.Message
        }
