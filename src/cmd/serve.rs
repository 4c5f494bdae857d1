//! `dossier serve`: preview the site locally, rebuild on change, reload the browser.

use std::net::IpAddr;

use clap::Args;

use super::SiteArgs;
use crate::report::Reporter;
use crate::serve::{self, ServeOptions};

/// `dossier serve`'s arguments.
#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The address to listen on; the default, the loopback, is reachable
    /// from this machine only.
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    pub bind: IpAddr,
    /// The port to listen on; 0 takes any free one.
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
}

pub fn run(args: &ServeArgs, out: &Reporter) -> bool {
    let opts = ServeOptions {
        root: args.site.root.clone(),
        bind: args.bind,
        port: args.port,
        open: args.open,
        drafts: args.site.drafts,
        future: args.site.future,
    };
    match serve::run(&opts, out) {
        Ok(()) => true,
        Err(d) => {
            eprintln!("{d}");
            false
        }
    }
}
