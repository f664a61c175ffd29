// The incident map: Leaflet over offline country outlines (world-atlas), optional online tiles.
// Precise places are markers, grouped when they share a place (open a group to spread them);
// imprecise places are translucent circles as large as the uncertainty. Popups are built from
// text nodes only, so no captured text is ever parsed as HTML.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || !window.L) { return; }
  var status = document.getElementById("map-status");
  function say(text) { if (status) { status.textContent = text; } }

  // Outlines need no tiles, so the zoom range is ours to set (marker clustering needs a maximum).
  var map = L.map(box, { worldCopyJump: true, keyboard: true, minZoom: 2, maxZoom: 14 }).setView([30, 30], 3);
  var tiles = box.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: "map tiles" }).addTo(map);
  }

  function popup(p) {
    var root = document.createElement("div");
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.heading;
    var strong = document.createElement("strong");
    strong.appendChild(link);
    root.appendChild(strong);
    [
      "Place: " + p.place + " (precision: " + p.precision + ")",
      "Civilians reported killed: " + p.killed,
      "Alleged perpetrator: " + p.perpetrators,
      "Grade: " + p.grade
    ].forEach(function (line) {
      var para = document.createElement("p");
      para.textContent = line;
      root.appendChild(para);
    });
    return root;
  }

  function outlines() {
    return fetch(box.getAttribute("data-outlines")).then(function (r) { return r.json(); }).then(function (topo) {
      var countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#6b6b6b", weight: 1, fillColor: "#f1efe8", fillOpacity: 1 }
      }).addTo(map).bringToBack();
    });
  }

  function incidents() {
    return fetch(box.getAttribute("data-geojson")).then(function (r) { return r.json(); }).then(function (data) {
      var cluster = L.markerClusterGroup({ showCoverageOnHover: false, spiderfyOnMaxZoom: true, maxClusterRadius: 30 });
      var bounds = [];
      data.features.forEach(function (f) {
        var p = f.properties;
        var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        bounds.push(ll);
        if (p.radius_km > 0) {
          L.circle(ll, {
            radius: p.radius_km * 1000, color: "#0b4f8a", weight: 1, fillColor: "#0b4f8a", fillOpacity: 0.15,
            className: "imprecise"
          }).bindPopup(popup(p)).addTo(map);
        }
        var icon = L.divIcon({ className: p.radius_km > 0 ? "incident-dot imprecise-dot" : "incident-dot", iconSize: [14, 14] });
        cluster.addLayer(L.marker(ll, { icon: icon, title: p.heading, alt: p.heading, keyboard: true }).bindPopup(popup(p)));
      });
      map.addLayer(cluster);
      if (bounds.length) { map.fitBounds(bounds, { padding: [40, 40], maxZoom: 9 }); }
      var skipped = data.skipped ? " " + data.skipped + " without coordinates are not drawn." : "";
      say(data.features.length + " incident" + (data.features.length === 1 ? "" : "s") + " on the map." + skipped);
      box.setAttribute("data-ready", "true");
    });
  }

  outlines().catch(function () { say("Country outlines could not be loaded."); })
    .then(incidents)
    .catch(function (e) { say("The incidents could not be loaded: " + e); });
}());
