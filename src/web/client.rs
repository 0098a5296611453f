//! Where a request comes from. Behind a reverse proxy every connection is
//! the proxy's; the proxy names the client in `Forwarded` (RFC 7239) or
//! `X-Forwarded-For`. Those headers are believed only from the proxies the
//! operator names in `trusted_proxies`, and only as far back as the chain
//! stays trusted: anyone can send the header, so a client naming itself
//! "10.0.0.1" through a trusted proxy is still counted as itself.

use std::net::IpAddr;

use actix_web::HttpRequest;
use ipnet::IpNet;

/// The addresses and ranges whose forwarding headers are believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses addresses (`10.0.0.1`, `::1`) and ranges (`10.0.0.0/8`).
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<Self, String> {
        entries
            .iter()
            .map(|entry| {
                let entry = entry.as_ref().trim();
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| entry.to_owned())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    /// The proxies of the settings, or what is wrong with one of them.
    pub fn from_settings(settings: &crate::config::Settings) -> anyhow::Result<Self> {
        Self::parse(&settings.trusted_proxies).map_err(|bad| {
            anyhow::anyhow!(
                "trusted_proxies (UNDERSIGNED_TRUSTED_PROXIES): {bad} is not an address or a range such as 10.0.0.1 or 10.0.0.0/8"
            )
        })
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address: the peer's, unless the peer is a trusted
    /// proxy; then the rightmost hop of the forwarding chain that is not a
    /// trusted proxy itself.
    pub fn client_of(&self, peer: IpAddr, forwarded: &[Hop]) -> IpAddr {
        let mut nearest = canonical(peer);
        if !self.trusts(nearest) {
            return nearest;
        }
        for hop in forwarded.iter().rev() {
            match hop {
                Hop::Address(address) if self.trusts(*address) => nearest = *address,
                Hop::Address(address) => return *address,
                // An obfuscated or unknown hop: the last trusted proxy is
                // the best that can be said.
                Hop::Unknown => return nearest,
            }
        }
        nearest
    }
}

/// One entry of a forwarding chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hop {
    Address(IpAddr),
    Unknown,
}

/// IPv4 addresses seen through an IPv6 socket compare as IPv4.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

/// A hop as a header writes it: `192.0.2.1`, `192.0.2.1:4711`,
/// `[2001:db8::1]:4711`, `2001:db8::1`, or `"…"` quoted.
fn hop(text: &str) -> Hop {
    let text = text.trim().trim_matches('"');
    let bare = match text.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None if text.matches(':').count() == 1 => text.split(':').next().unwrap_or_default(),
        None => text,
    };
    bare.parse::<IpAddr>()
        .map_or(Hop::Unknown, |a| Hop::Address(canonical(a)))
}

/// The chain of a request, oldest hop first: `Forwarded`'s `for=` values
/// when the header is there, else `X-Forwarded-For`.
pub fn chain(req: &HttpRequest) -> Vec<Hop> {
    let values = |name: &str| -> Vec<String> {
        req.headers()
            .get_all(name)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::to_owned)
            .collect()
    };
    let forwarded = values("forwarded");
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (key, value) = pair.split_once('=')?;
                    key.trim().eq_ignore_ascii_case("for").then(|| hop(value))
                })
            })
            .collect();
    }
    values("x-forwarded-for").iter().map(|h| hop(h)).collect()
}

/// The address a request came from, as [`TrustedProxies::client_of`] sees it.
pub fn client_ip(req: &HttpRequest, trusted: &TrustedProxies) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return String::new();
    };
    trusted.client_of(peer, &chain(req)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn hops(texts: &[&str]) -> Vec<Hop> {
        texts.iter().map(|t| hop(t)).collect()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let trusted = TrustedProxies::parse(&["10.0.0.0/8"]).unwrap();

        let client = trusted.client_of(ip("203.0.113.9"), &hops(&["198.51.100.1"]));

        assert_eq!(client, ip("203.0.113.9"));
    }

    #[test]
    fn behind_trusted_proxies_the_rightmost_untrusted_hop_is_the_client() {
        let trusted = TrustedProxies::parse(&["10.0.0.0/8", "192.168.1.1"]).unwrap();

        let spoofed = trusted.client_of(
            ip("10.0.0.2"),
            &hops(&["1.2.3.4", "198.51.100.7", "192.168.1.1"]),
        );
        let direct = trusted.client_of(ip("10.0.0.2"), &hops(&[]));

        assert_eq!(spoofed, ip("198.51.100.7"), "a forged first hop is ignored");
        assert_eq!(direct, ip("10.0.0.2"));
    }

    #[test]
    fn hops_are_read_with_ports_brackets_and_quotes() {
        assert_eq!(
            hop("\"[2001:db8:cafe::17]:4711\""),
            Hop::Address(ip("2001:db8:cafe::17"))
        );
        assert_eq!(hop("192.0.2.60:80"), Hop::Address(ip("192.0.2.60")));
        assert_eq!(hop(" 2001:db8::1"), Hop::Address(ip("2001:db8::1")));
        assert_eq!(hop("::ffff:192.0.2.1"), Hop::Address(ip("192.0.2.1")));
        assert_eq!(hop("_hidden"), Hop::Unknown);
        assert_eq!(hop("unknown"), Hop::Unknown);
    }

    #[test]
    fn an_unknown_hop_leaves_the_nearest_trusted_proxy() {
        let trusted = TrustedProxies::parse(&["10.0.0.1"]).unwrap();

        let client = trusted.client_of(ip("10.0.0.1"), &[Hop::Unknown]);

        assert_eq!(client, ip("10.0.0.1"));
    }

    #[test]
    fn a_bad_entry_is_named() {
        assert_eq!(
            TrustedProxies::parse(&["10.0.0.0/8", "10.0.0.300"]),
            Err("10.0.0.300".to_owned())
        );
    }
}
