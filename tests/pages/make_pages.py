#!/usr/bin/env python3
"""Writes the saved-page test set: news pages in several site layouts,
written for this project, each with its gold article body (NAME.body.txt)
and metadata (NAME.meta: author and date, tab-separated).  The pages are
committed; run this again only to change them."""
import html
import os

HERE = os.path.dirname(os.path.abspath(__file__))

ARTICLES = [
    dict(slug="harbor", title="Port Authority Blames Contractor for Harbor Spill", author="Dana Whitfield",
         date="2026-03-03", site="Riverton Ledger",
         paras=["Officials traded accusations on Tuesday over who caused the fuel spill that closed Riverton harbor for four days.",
                "“The valve was left open by the contractor’s crew, and we have very firm evidence of that,” Port Authority Director Maria Okafor told reporters at a morning briefing.",
                "The contractor, Beacon Marine Services, denied that its workers had touched the valve. In a statement, the company said the equipment had probably failed on its own.",
                "Mayor Tom Reyes said trust between the city and the port had “probably worsened” this week. He added that an independent review was quite possible.",
                "According to the state environmental agency, roughly 12,000 gallons of diesel reached the water."]),
    dict(slug="mill", title="Paper Mill to Close, Ending a Century of Work", author="Sam Ito", date="2026-02-11",
         site="Valley Courier",
         paras=["Northwind Paper Company will close its mill in Alder Falls in June, putting 640 people out of work, the company announced on Wednesday.",
                "Chief Executive Helen Marsh said demand for newsprint had fallen by half in a decade. She added that the company had looked for a buyer for two years.",
                "“This mill built this town,” Mayor Peter Quill said. “We will fight for every job.”",
                "Gov. Lucia Brandt said her office would offer retraining grants to the workers and their families.",
                "Analysts said the closure was part of a wider decline in the industry, which has lost a third of its plants since 2010."]),
    dict(slug="senate", title="Senate Deal on Storm Aid Falls Apart", author="Priya Nair", date="2026-01-22",
         site="Capitol Wire",
         paras=["A bipartisan agreement on disaster relief collapsed on Thursday after Sen. Margaret Ellison withdrew her support.",
                "“I cannot vote for a bill that adds forty billion dollars without a single offset,” Ellison said in a statement.",
                "Senate Majority Leader Robert Haines blamed the White House for the collapse. He said the administration had changed its demands three times in a week.",
                "The White House rejected that account, and Press Secretary Daniel Okoro said the president had been clear from the start.",
                "Haines later told reporters that a vote could still happen before the recess, though he declined to say when."]),
    dict(slug="debate", title="Rivals Trade Blows in Final Debate", author="Marcus Bell", date="2025-10-30",
         site="Morning Standard",
         paras=["Former Secretary of State Diane Carver accused her opponent of ignoring the economy during Tuesday night's debate.",
                "Gov. Walter Pruitt, the Republican candidate, dismissed the charge and said Carver had nothing to show for thirty years in Washington.",
                "“She talks about families, but she has never run a business,” Pruitt said. “I have.”",
                "Carver laughed off the attack. She said voters would judge the two records for themselves.",
                "Pollsters said the race remained close, with neither candidate holding a lead beyond the margin of error."]),
    dict(slug="inquiry", title="Inspectors Begin Work at Site of Suspected Gas Attack", author="Anna Lindgren",
         date="2026-04-14", site="Global Dispatch",
         paras=["International inspectors reached the town on Monday where dozens of people died last week, the watchdog said.",
                "Russian President Vladimir Putin said trust between Moscow and Washington had probably worsened since the attack.",
                "“We have very firm and high confidence in our conclusion,” Foreign Minister Anna Lindqvist told reporters in Stockholm.",
                "Putin dismissed that account as nonsense. He said the rebels had stored the chemicals in a warehouse.",
                "A senior administration official said the United States had intercepted communications about the strike."]),
    dict(slug="school", title="District Weighs Four-Day School Week", author="Jorge Salas", date="2025-09-05",
         site="Lakeshore Times",
         paras=["The Lakeshore school board will vote next month on a plan to move to a four-day week, officials said on Friday.",
                "Superintendent Karen Doyle said the change could save the district nearly two million dollars a year.",
                "Parents who spoke at the meeting were divided. “I do not know who will watch my kids on Fridays,” said one mother of three.",
                "Teachers union president Alan Fisk said his members supported the plan but wanted longer days to be paid.",
                "The board said it would publish a survey of families before the vote."]),
]

NAV = '<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>'
FOOT = '<footer class="site-footer"><p>© 2026 {site}. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact us</a></p></footer>'
SHARE = '<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this story</a></div>'
RELATED = '<aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Council approves new budget for road repairs</a></li><li><a href="/b">Five things to know before the weekend</a></li></ul></aside>'
NEWS = '<div class="newsletter-signup"><p>Sign up for our morning newsletter and get the day\'s top stories in your inbox.</p><form><input type="email"><button>Subscribe</button></form></div>'
COMMENTS = '<section id="comments"><h3>Comments</h3><div class="comment"><p>Great reporting, as always. Keep it up!</p></div><div class="comment"><p>I was there on Tuesday and the smell was terrible, honestly the worst I remember.</p></div></section>'
FIG = '<figure><img src="/photo.jpg" alt=""><figcaption>A view of the scene on Monday. (Photo: Staff)</figcaption></figure>'
AD = '<div class="advert-slot"><p>Advertisement</p></div>'


def paras_html(a):
    return "\n".join("<p>%s</p>" % html.escape(p, quote=False) for p in a["paras"])


def layout(i, a):
    t = html.escape(a["title"], quote=False)
    body = paras_html(a)
    site, author, date = a["site"], a["author"], a["date"]
    if i == 0:  # meta tags and <time>, classic layout with sidebar and comments
        return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{t} | {site}</title>
<meta property="og:title" content="{t}"><meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:15:00Z"><meta property="og:site_name" content="{site}">
</head><body><header class="masthead"><h2>{site}</h2>{NAV}</header>
<main><article class="story"><h1>{t}</h1><p class="byline">By <a rel="author" href="/staff">{author}</a> · <time datetime="{date}T08:15:00Z">updated</time></p>
{FIG}{SHARE}<div class="story-body">{body}</div>{NEWS}</article>{RELATED}</main>{COMMENTS}{FOOT.format(site=site)}</body></html>"""
    if i == 1:  # JSON-LD only, div soup
        return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>{site} - {t}</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{a['title']}","datePublished":"{date}T11:00:00-05:00","author":{{"@type":"Person","name":"{author}"}},"publisher":{{"@type":"Organization","name":"{site}"}}}}</script>
<script>var tracking = "<p>not text</p>";</script><style>p {{ color: #222 }}</style></head><body>
<div id="top-menu">{NAV}</div><div class="container"><div class="left-rail"><div class="most-read"><h4>Most read</h4><p><a href="/x">Storm knocks out power across the county</a></p></div></div>
<div id="content-main"><h1>{t}</h1>{AD}<div class="article-text">{body}</div>{SHARE}</div></div>{FOOT.format(site=site)}</body></html>"""
    if i == 2:  # broken markup: unclosed tags, stray ends, no charset in meta
        return f"""<html><head><title>{t}</title><meta name="byl" content="By {author}"><meta name="pubdate" content="{date}">
<body><div class=nav><a href=/>Home</a> | <a href=/news>News</a></div>
<div class=article-body><h1>{t}</h1>
""" + "\n".join("<p>%s" % html.escape(p, quote=False) for p in a["paras"]) + f"""
</div></span></b><div class="tags"><a href=/t/1>Politics</a> <a href=/t/2>Congress</a></div>
<div class=footer>Copyright {site}</div></body>"""
    if i == 3:  # a date written out, author in a byline span
        return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{t}</title>
<meta name="description" content="Summary of the night."></head><body>{NAV}
<div class="page"><div class="post"><h1 class="headline">{t}</h1><span class="author-name">By {author}</span>
<span class="date">October 30, 2025</span>{FIG}
<div class="entry-content">{body}</div></div><div class="sidebar"><h3>Popular</h3><ul><li><a href="/p">How the debate was scored</a></li></ul></div>{NEWS}</div>{FOOT.format(site=site)}</body></html>"""
    if i == 4:  # a wire page with a dateline paragraph and list items in the article
        return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{t} – {site}</title>
<meta property="og:title" content="{t}"><meta property="article:author" content="{author}"><meta name="date" content="April 14, 2026">
<meta property="og:site_name" content="{site}"></head><body><header>{NAV}</header>
<article><h1>{t}</h1><div class="story-content">{body}</div>
<div class="social-share"><button>Share</button></div></article><section class="recirc"><h2>More from {site}</h2><p><a href="/m">Markets close higher on trade hopes</a></p></section>{FOOT.format(site=site)}</body></html>"""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{t}</title>
<meta name="author" content="{author}"><meta name="dc.date" content="{date}"></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site and to show you relevant advertising.</p></div>{NAV}
<table class="layout"><tr><td class="menu"><a href="/">Home</a><br><a href="/schools">Schools</a></td><td class="main-content"><h1>{t}</h1>{body}</td></tr></table>
{COMMENTS}{FOOT.format(site=site)}</body></html>"""


for i, a in enumerate(ARTICLES):
    with open(os.path.join(HERE, a["slug"] + ".html"), "w", encoding="utf-8") as f:
        f.write(layout(i, a))
    with open(os.path.join(HERE, a["slug"] + ".body.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(a["paras"]) + "\n")
    with open(os.path.join(HERE, a["slug"] + ".meta"), "w", encoding="utf-8") as f:
        f.write("%s\t%s\n" % (a["author"], a["date"]))
